using System.Text.Json;
using Commerce.Actors.Storage;
using Commerce.Chain.Contracts;
using Commerce.Chain.JsonRpc;
using Commerce.Events.Envelope;
using Commerce.Events.Orders;
using Commerce.Events.Topics;
using Commerce.Payments.Options;
using Microsoft.Extensions.Logging;

namespace Commerce.Payments.Watcher;

/// <summary>
/// One pass at a time over the Checkout's logs: verify what is stored against the chain (report
/// logs whose block left it, rewind the cursor to the fork point), scan the next block range with
/// eth_getLogs, confirm what is deep enough, and commit the new state with the outbox rows in one
/// transaction of the grain store (the shared outbox relay publishes them). The state row is fenced
/// by a commit counter stored as the store's cursor, so two watchers of one Checkout cannot both write.
/// </summary>
public sealed partial class CheckoutFollower
{
    public const string StateType = "payments.checkout-watcher";

    private readonly CheckoutWatcherOptions _options;
    private readonly IGrainStore _store;
    private readonly EthClient _eth;
    private readonly CheckoutContract _checkout;
    private readonly ILogger _logger;
    private readonly Action? _committed;
    private readonly PartitionCursor _fence;
    private readonly string _key;
    private WatcherState? _state;
    private long? _commits;
    private ulong _range;

    public CheckoutFollower(CheckoutWatcherOptions options, IGrainStore store, JsonRpcClient rpc, ILogger logger, Action? committed = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _eth = new EthClient(rpc);
        _checkout = new CheckoutContract(_eth, options.Address);
        _logger = logger;
        _committed = committed;
        _key = options.Address.ToLowerHex();
        _fence = new PartitionCursor(StateType, "chain", $"checkout:{_key}", 0);
        _range = (ulong)options.MaxBlockRange;
    }

    /// <summary>Blocks asked per eth_getLogs now: Payments:MaxBlockRange, halved each time the node refused a range.</summary>
    public ulong BlockRange => _range;

    /// <summary>The state as last committed (or loaded).</summary>
    public WatcherState? State => _state;

    /// <summary>The head the last pass read.</summary>
    public ulong? LastHead { get; private set; }

    /// <summary>Runs one pass; returns true when it stopped short of the head (more blocks to scan right away).</summary>
    public async Task<bool> PollOnceAsync(CancellationToken ct)
    {
        if (_state is null)
            await LoadAsync(ct);
        var before = _state!;
        var head = await _eth.GetBlockNumberAsync(ct);
        LastHead = head;
        var outbox = new List<OutboxWrite>();
        var pending = before.Pending.ToList();
        var blocks = before.Blocks.ToDictionary(b => b.Number, b => b.Hash);
        var confirmed = before.RecentlyConfirmed.ToList();
        var cursor = before.CursorBlock;
        var cursorHash = before.CursorHash;

        // 1. What is stored, against the chain as it is now.
        var toVerify = pending.Select(p => (ulong)p.Observation.BlockNumber).ToHashSet();
        if (cursor is { } c)
            toVerify.Add(c);
        var canonical = await HeadersAsync(toVerify, ct);
        ulong? lowestOrphan = null;
        foreach (var log in pending.ToList())
        {
            var observation = log.Observation;
            if (SameHash(canonical[(ulong)observation.BlockNumber]?.Hash, observation.BlockHash))
                continue;
            pending.Remove(log);
            lowestOrphan = Math.Min(lowestOrphan ?? ulong.MaxValue, (ulong)observation.BlockNumber);
            outbox.Add(Record(observation with { Reorged = true }, ObservationStage.Reorged, log.BlockTime));
            LogReorged(observation.OrderId, observation.Kind, observation.BlockNumber, observation.BlockHash);
        }
        // The cursor block replaced, or (answers of several nodes behind one endpoint disagreeing) a
        // block below it: scan again from the fork point, where the orphaned logs may be included anew.
        ulong? replaced = cursor is { } at && !SameHash(canonical[at]?.Hash, cursorHash) ? at : null;
        if (lowestOrphan is { } orphanAt && cursor is { } cursorAt && orphanAt <= cursorAt)
            replaced = Math.Min(replaced ?? ulong.MaxValue, orphanAt);
        if (replaced is { } mismatch)
        {
            var orphaned = blocks.GetValueOrDefault(mismatch) ?? cursorHash ?? "none";
            (cursor, cursorHash) = await ForkBaseAsync(blocks, mismatch, ct);
            LogRewound(mismatch, orphaned, cursor?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "start");
            foreach (var number in blocks.Keys.Where(n => cursor is null || n > cursor).ToList())
                blocks.Remove(number);
        }

        // 2. The next range.
        var from = cursor is { } last ? last + 1 : _options.StartBlock;
        var more = false;
        if (from <= head)
        {
            var to = Math.Min(head, from + _range - 1);
            more = to < head;
            var scanned = await ScanAsync(from, to, cursor is null ? null : cursorHash, ct);
            if (scanned is { Refused: true })
            {
                more = true;   // asked again at once with the smaller range
            }
            else if (scanned is null)
            {
                more = true;   // the chain moved under the scan: verify again at once
            }
            else
            {
                var known = pending.Select(p => p.Identity).Concat(confirmed.Select(k => k.Identity)).ToHashSet();
                foreach (var (observation, blockTime) in scanned.Logs)
                {
                    var tracked = new TrackedLog(observation, blockTime);
                    if (!known.Add(tracked.Identity))
                        continue;
                    pending.Add(tracked);
                    blocks[(ulong)observation.BlockNumber] = observation.BlockHash;
                    outbox.Add(Record(observation, ObservationStage.Observed, blockTime));
                    LogObserved(observation.OrderId, observation.Kind, observation.BlockNumber, observation.TransactionHash);
                }
                cursor = to;
                cursorHash = scanned.ToHash;
                blocks[to] = cursorHash;
            }
        }

        // 3. Deep enough: every pending log was checked against the chain in this pass.
        foreach (var log in pending.ToList())
        {
            var observation = log.Observation;
            if (head + 1 < (ulong)observation.BlockNumber + (ulong)_options.Confirmations)
                continue;
            pending.Remove(log);
            confirmed.Add(new ConfirmedLog(log.Identity, (ulong)observation.BlockNumber));
            outbox.Add(Record(observation with { Confirmed = true }, ObservationStage.Confirmed, log.BlockTime));
            LogConfirmed(observation.OrderId, observation.Kind, observation.BlockNumber);
        }

        if (outbox.Count == 0 && cursor == before.CursorBlock && cursorHash == before.CursorHash && pending.Count == before.Pending.Count)
            return more;
        var floor = (cursor ?? 0) > (ulong)(_options.Confirmations + _options.ReorgWindow) ? cursor!.Value - (ulong)(_options.Confirmations + _options.ReorgWindow) : 0;
        var pendingBlocks = pending.Select(p => (ulong)p.Observation.BlockNumber).ToHashSet();
        var next = new WatcherState(
            cursor, cursorHash,
            blocks.Where(b => b.Key >= floor || pendingBlocks.Contains(b.Key)).OrderBy(b => b.Key).Select(b => new KnownBlock(b.Key, b.Value)).ToList(),
            pending,
            confirmed.Where(k => k.BlockNumber >= floor).ToList());
        await CommitAsync(next, outbox, ct);
        return more;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        _commits = await _store.LoadCursorAsync(_fence, ct);
        var stored = await _store.LoadStateAsync(StateType, _key, ct);
        _state = stored is null ? WatcherState.Empty : JsonSerializer.Deserialize(stored.Json, WatcherJsonContext.Default.WatcherState) ?? WatcherState.Empty;
        LogLoaded(_key, _state.CursorBlock?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none", _state.Pending.Count);
    }

    private async Task CommitAsync(WatcherState next, List<OutboxWrite> outbox, CancellationToken ct)
    {
        var applied = (_commits ?? 0) + 1;
        var json = JsonSerializer.Serialize(next, WatcherJsonContext.Default.WatcherState);
        try
        {
            await _store.CommitAsync(new GrainBatchCommit(StateType, _fence, _commits, applied, [new StateWrite(_key, json, applied)], outbox, []), ct);
        }
        catch (CursorMovedException)
        {
            _state = null;   // another watcher wrote: start over from what it stored
            throw;
        }
        _commits = applied;
        _state = next;
        if (outbox.Count > 0)
            _committed?.Invoke();
    }

    /// <summary>
    /// The logs of [from, to] with their blocks checked canonical; null when the chain changed during the
    /// scan; <see cref="Scan.Refused"/> when the node refused the range (too many blocks or results for
    /// it), after which the range is halved.
    /// </summary>
    private async Task<Scan?> ScanAsync(ulong from, ulong to, string? parentHash, CancellationToken ct)
    {
        IReadOnlyList<RpcLog> logs;
        try
        {
            logs = await _eth.GetLogsAsync(new LogFilter
            {
                FromBlock = from,
                ToBlock = to,
                Addresses = [_options.Address],
                Topics = [PaymentMapping.Topics],
            }, ct);
        }
        catch (JsonRpcException ex) when (to > from)
        {
            _range = Math.Max(1, (to - from + 1) / 2);
            LogRangeRefused(from, to, ex.Code, ex.RpcMessage, _range);
            return new Scan([], "", Refused: true);
        }
        var observations = _checkout.DecodeEvents(logs).Select(PaymentMapping.Map).OfType<PaymentObserved>()
            .OrderBy(o => o.BlockNumber).ThenBy(o => o.LogIndex).ToList();
        var numbers = observations.Select(o => (ulong)o.BlockNumber).Append(from).Append(to).ToHashSet();
        var headers = await HeadersAsync(numbers, ct);
        if (headers[to]?.Hash is not { } toHash)
            return null;
        if (parentHash is not null && !SameHash(headers[from]?.ParentHash, parentHash))
            return null;
        var result = new List<(PaymentObserved, ulong)>();
        foreach (var o in observations)
        {
            var header = headers[(ulong)o.BlockNumber];
            if (!SameHash(header?.Hash, o.BlockHash))
                return null;
            result.Add((o, header!.Timestamp));
        }
        return new Scan(result, toHash.ToLowerInvariant(), Refused: false);
    }

    private sealed record Scan(List<(PaymentObserved, ulong)> Logs, string ToHash, bool Refused);

    /// <summary>The highest known block still on the chain (where to scan again from), or the start when none is.</summary>
    private async Task<(ulong?, string?)> ForkBaseAsync(Dictionary<ulong, string> blocks, ulong mismatched, CancellationToken ct)
    {
        var below = blocks.Keys.Where(n => n < mismatched).OrderDescending().ToList();
        var headers = await HeadersAsync(below, ct);
        foreach (var number in below)
        {
            if (SameHash(headers[number]?.Hash, blocks[number]))
                return (number, blocks[number]);
        }
        var oldest = below.Count > 0 ? below[^1] : mismatched;
        if (oldest <= _options.StartBlock)
            return (null, null);
        // Deeper than every block kept: scan again from just below the oldest one (logs confirmed there may be reported again, with the same ids).
        LogDeepReorg(mismatched, oldest);
        var base_ = await _eth.GetBlockByNumberAsync(oldest - 1, ct);
        return base_?.Hash is { } hash ? (oldest - 1, hash.ToLowerInvariant()) : (null, null);
    }

    private async Task<Dictionary<ulong, RpcBlock?>> HeadersAsync(IEnumerable<ulong> numbers, CancellationToken ct)
    {
        var list = numbers.Distinct().ToList();
        var result = new Dictionary<ulong, RpcBlock?>();
        if (list.Count == 0)
            return result;
        foreach (var chunk in list.Chunk(200))
        {
            var batch = _eth.Rpc.CreateBatch();
            var calls = chunk.Select(n => (n, batch.Add(EthRpc.GetBlockByNumber(n)))).ToList();
            await batch.SendAsync(ct);
            foreach (var (n, call) in calls)
                result[n] = await call;
        }
        return result;
    }

    private static OutboxWrite Record(PaymentObserved observation, ObservationStage stage, ulong blockTime)
    {
        var id = PaymentEventIds.For(observation.TransactionHash, observation.LogIndex, stage, observation.BlockHash);
        var envelope = EventEnvelope.Create(observation.OrderId, observation, DateTimeOffset.FromUnixTimeSeconds(checked((long)blockTime)), id: id);
        return new OutboxWrite(TopicCatalog.OrderEvents.Name, observation.OrderId, EnvelopeSerializer.Serialize(envelope));
    }

    private static bool SameHash(string? a, string? b) => a is not null && b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkout watcher {Checkout}: cursor at block {Cursor}, {Pending} logs waiting for confirmation")]
    private partial void LogLoaded(string checkout, string cursor, int pending);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId}: {Kind} seen in block {Number} (tx {Tx}), not yet confirmed")]
    private partial void LogObserved(string orderId, string kind, long number, string tx);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId}: {Kind} in block {Number} confirmed")]
    private partial void LogConfirmed(string orderId, string kind, long number);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: {Kind} in block {Number} {Hash} left the chain")]
    private partial void LogReorged(string orderId, string kind, long number, string hash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reorg: block {Number} was {Hash} and is no longer; scanning again after block {Base}")]
    private partial void LogRewound(ulong number, string hash, string @base);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The node refused eth_getLogs over blocks {From}..{To} ({Code}: {Reason}); asking for {Range} blocks at a time")]
    private partial void LogRangeRefused(ulong from, ulong to, long code, string reason, ulong range);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reorg below every kept block (seen at {Number}, oldest kept {Oldest}): raise Payments:ReorgWindow")]
    private partial void LogDeepReorg(ulong number, ulong oldest);
}
