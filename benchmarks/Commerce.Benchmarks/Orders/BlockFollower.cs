using System.Collections.Concurrent;
using System.Diagnostics;
using Commerce.Chain.JsonRpc;

namespace Commerce.Benchmarks.Orders;

/// <summary>
/// Follows the chain head (polling every 50 ms) and notes, for every transaction hash, when the block holding it was
/// first seen and when the head reached the confirmation depth above it: the same clock for the raw baseline and the
/// platform run.
/// </summary>
internal sealed class BlockFollower(EthClient eth, int confirmations) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (ulong Block, TimeSpan SeenAt)> _mined = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<ulong, TimeSpan> _headAt = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private Task? _loop;
    private ulong _next;

    public TimeSpan Now => _clock.Elapsed;

    public async Task StartAsync()
    {
        _next = await eth.GetBlockNumberAsync() + 1;
        _loop = Task.Run(() => FollowAsync(_stop.Token));
    }

    /// <summary>When the block holding <paramref name="hash"/> was seen, if it was.</summary>
    public (ulong Block, TimeSpan SeenAt)? Mined(string hash) => _mined.TryGetValue(hash, out var m) ? m : null;

    /// <summary>When the head first reached the block that confirms <paramref name="hash"/> at the depth, if it did.</summary>
    public TimeSpan? Confirmed(string hash) =>
        Mined(hash) is { } mined && _headAt.TryGetValue(mined.Block + (ulong)confirmations - 1, out var at) ? at : null;

    private async Task FollowAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
        {
            var head = await eth.GetBlockNumberAsync(ct).ConfigureAwait(false);
            for (; _next <= head; _next++)
            {
                var block = await eth.GetBlockByNumberAsync(_next, ct).ConfigureAwait(false);
                var seen = _clock.Elapsed;
                _headAt[_next] = seen;
                foreach (var tx in block?.Transactions ?? [])
                    _mined[tx.GetString()!] = (_next, seen);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            try { await _loop; }
            catch (OperationCanceledException) { }
        }
        _stop.Dispose();
    }
}
