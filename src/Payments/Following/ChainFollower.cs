using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Commerce.Actors.Storage;
using Commerce.Chain.JsonRpc;
using Commerce.Payments.Watcher;

namespace Commerce.Payments.Following;

/// <summary>
/// One pass at a time over the chain for one kind of observation: verify what is stored against the chain
/// (report observations whose block left it as reorged, rewind the cursor to the fork point), ask the source
/// (<see cref="ScanAsync"/>) for the next block range, confirm what is deep enough, and commit the new state with
/// the outbox rows in one transaction of the grain store (the shared outbox relay publishes them). The state row
/// is fenced by a commit counter stored as the store's cursor, so two followers of one key cannot both write: the
/// second gets <see cref="CursorMovedException"/> and reloads on its next pass. A subclass says how a range is
/// read, how an observation becomes its event, and what is logged.
/// </summary>
public abstract class ChainFollower<TObservation, TTracked> : IChainFollower
    where TTracked : ITrackedObservation<TObservation>
{
    private readonly ChainWatcherOptions _options;
    private readonly IGrainStore _store;
    private readonly Action? _committed;
    private readonly PartitionCursor _fence;
    private readonly string _stateType;
    private readonly JsonTypeInfo<FollowerState<TTracked>> _json;
    private FollowerState<TTracked>? _state;
    private long? _commits;

    /// <param name="stateType">The grain-store state type of the row (and the fence's consumer group).</param>
    /// <param name="fencePrefix">Names the fence's partition: "{prefix}:{followed address}" in the store's cursor table.</param>
    protected ChainFollower(ChainWatcherOptions options, IGrainStore store, JsonRpcClient rpc, string stateType, string fencePrefix,
        JsonTypeInfo<FollowerState<TTracked>> json, Action? committed)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        Eth = new EthClient(rpc);
        _stateType = stateType;
        Key = options.FollowedAddress.ToLowerHex();
        _json = json;
        _committed = committed;
        _fence = new PartitionCursor(stateType, "chain", $"{fencePrefix}:{Key}", 0);
    }

    /// <summary>The state as last committed (or loaded).</summary>
    public FollowerState<TTracked>? State => _state;

    /// <inheritdoc />
    public ulong? LastHead { get; private set; }

    ulong? IChainFollower.CursorBlock => _state?.CursorBlock;

    int IChainFollower.PendingCount => _state?.Pending.Count ?? 0;

    protected EthClient Eth { get; }

    /// <summary>The state row's key: the followed address, lowercase.</summary>
    protected string Key { get; }

    /// <summary>How many blocks the next scan covers at most.</summary>
    protected abstract ulong RangeSize { get; }

    /// <summary>
    /// The observations of blocks [from, to], every block checked canonical, with the hash of <paramref name="to"/>;
    /// null when the range is not kept this pass (the chain moved under the scan, so the first block's parent is not
    /// <paramref name="parentHash"/> or an observation's block is no longer canonical; or the node refused the range):
    /// the next pass starts at once.
    /// </summary>
    protected abstract Task<RangeScan<TObservation>?> ScanAsync(ulong from, ulong to, string? parentHash, CancellationToken ct);

    protected abstract TTracked Track(TObservation observation, ulong blockTime);

    protected abstract (ulong Number, string Hash) BlockOf(TObservation observation);

    /// <summary>The observation as reported at <paramref name="stage"/> (Confirmed or Reorged set).</summary>
    protected abstract TObservation AtStage(TObservation observation, ObservationStage stage);

    /// <summary>The outbox row of one report, with its deterministic envelope id.</summary>
    protected abstract OutboxWrite Record(TObservation observation, ObservationStage stage, ulong blockTime);

    protected abstract void OnLoaded(string key, string cursor, int pending);

    /// <summary>A report made: first seen, confirmed, or its block left the chain.</summary>
    protected abstract void OnReported(TObservation observation, ObservationStage stage);

    protected abstract void OnRewound(ulong number, string orphanedHash, string @base);

    protected abstract void OnDeepReorg(ulong number, ulong oldest);

    /// <inheritdoc />
    public async Task<bool> PollOnceAsync(CancellationToken ct)
    {
        if (_state is null)
            await LoadAsync(ct);
        var before = _state!;
        var head = await Eth.GetBlockNumberAsync(ct);
        LastHead = head;
        var outbox = new List<OutboxWrite>();
        var pending = before.Pending.ToList();
        var blocks = before.Blocks.ToDictionary(b => b.Number, b => b.Hash);
        var confirmed = before.RecentlyConfirmed.ToList();
        var cursor = before.CursorBlock;
        var cursorHash = before.CursorHash;

        // 1. What is stored, against the chain as it is now.
        var toVerify = pending.Select(p => BlockOf(p.Observation).Number).ToHashSet();
        if (cursor is { } c)
            toVerify.Add(c);
        var canonical = await HeadersAsync(toVerify, ct);
        ulong? lowestOrphan = null;
        foreach (var tracked in pending.ToList())
        {
            var (number, hash) = BlockOf(tracked.Observation);
            if (SameHash(canonical[number]?.Hash, hash))
                continue;
            pending.Remove(tracked);
            lowestOrphan = Math.Min(lowestOrphan ?? ulong.MaxValue, number);
            Report(outbox, tracked.Observation, ObservationStage.Reorged, tracked.BlockTime);
        }
        // The cursor block replaced, or (answers of several nodes behind one endpoint disagreeing) a
        // block below it: scan again from the fork point, where the orphaned observations may be included anew.
        ulong? replaced = cursor is { } at && !SameHash(canonical[at]?.Hash, cursorHash) ? at : null;
        if (lowestOrphan is { } orphanAt && cursor is { } cursorAt && orphanAt <= cursorAt)
            replaced = Math.Min(replaced ?? ulong.MaxValue, orphanAt);
        if (replaced is { } mismatch)
        {
            var orphaned = blocks.GetValueOrDefault(mismatch) ?? cursorHash ?? "none";
            (cursor, cursorHash) = await ForkBaseAsync(blocks, mismatch, ct);
            OnRewound(mismatch, orphaned, cursor?.ToString(CultureInfo.InvariantCulture) ?? "start");
            foreach (var number in blocks.Keys.Where(n => cursor is null || n > cursor).ToList())
                blocks.Remove(number);
        }

        // 2. The next range.
        var from = cursor is { } last ? last + 1 : _options.StartBlock;
        var more = false;
        if (from <= head)
        {
            var to = Math.Min(head, from + RangeSize - 1);
            more = to < head;
            var scanned = await ScanAsync(from, to, cursor is null ? null : cursorHash, ct);
            if (scanned is null)
            {
                more = true;   // not kept (the chain moved, or a smaller range is asked next): again at once
            }
            else
            {
                var known = pending.Select(p => p.Identity).Concat(confirmed.Select(k => k.Identity)).ToHashSet();
                foreach (var (observation, blockTime) in scanned.Observations)
                {
                    var tracked = Track(observation, blockTime);
                    if (!known.Add(tracked.Identity))
                        continue;
                    pending.Add(tracked);
                    var (number, hash) = BlockOf(observation);
                    blocks[number] = hash;
                    Report(outbox, observation, ObservationStage.Observed, blockTime);
                }
                cursor = to;
                cursorHash = scanned.ToHash;
                blocks[to] = cursorHash;
            }
        }

        // 3. Deep enough: every pending observation was checked against the chain in this pass.
        foreach (var tracked in pending.ToList())
        {
            var number = BlockOf(tracked.Observation).Number;
            if (head + 1 < number + (ulong)_options.Confirmations)
                continue;
            pending.Remove(tracked);
            confirmed.Add(new ConfirmedObservation(tracked.Identity, number));
            Report(outbox, tracked.Observation, ObservationStage.Confirmed, tracked.BlockTime);
        }

        if (outbox.Count == 0 && cursor == before.CursorBlock && cursorHash == before.CursorHash && pending.Count == before.Pending.Count)
            return more;
        var window = (ulong)(_options.Confirmations + _options.ReorgWindow);
        var floor = (cursor ?? 0) > window ? cursor!.Value - window : 0;
        var pendingBlocks = pending.Select(p => BlockOf(p.Observation).Number).ToHashSet();
        var next = new FollowerState<TTracked>(
            cursor, cursorHash,
            blocks.Where(b => b.Key >= floor || pendingBlocks.Contains(b.Key)).OrderBy(b => b.Key).Select(b => new KnownBlock(b.Key, b.Value)).ToList(),
            pending,
            confirmed.Where(k => k.BlockNumber >= floor).ToList());
        await CommitAsync(next, outbox, ct);
        return more;
    }

    /// <summary>Headers of the given blocks, in batches of 200 (null where the node has no such block).</summary>
    protected async Task<Dictionary<ulong, RpcBlock?>> HeadersAsync(IEnumerable<ulong> numbers, CancellationToken ct)
    {
        var result = new Dictionary<ulong, RpcBlock?>();
        foreach (var chunk in numbers.Distinct().Chunk(200))
        {
            var batch = Eth.Rpc.CreateBatch();
            var calls = chunk.Select(n => (n, batch.Add(EthRpc.GetBlockByNumber(n)))).ToList();
            await batch.SendAsync(ct);
            foreach (var (n, call) in calls)
                result[n] = await call;
        }
        return result;
    }

    protected static bool SameHash(string? a, string? b) => a is not null && b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private void Report(List<OutboxWrite> outbox, TObservation observation, ObservationStage stage, ulong blockTime)
    {
        var reported = stage == ObservationStage.Observed ? observation : AtStage(observation, stage);
        outbox.Add(Record(reported, stage, blockTime));
        OnReported(reported, stage);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        _commits = await _store.LoadCursorAsync(_fence, ct);
        var stored = await _store.LoadStateAsync(_stateType, Key, ct);
        _state = stored is null ? FollowerState<TTracked>.Empty : JsonSerializer.Deserialize(stored.Json, _json) ?? FollowerState<TTracked>.Empty;
        OnLoaded(Key, _state.CursorBlock?.ToString(CultureInfo.InvariantCulture) ?? "none", _state.Pending.Count);
    }

    private async Task CommitAsync(FollowerState<TTracked> next, List<OutboxWrite> outbox, CancellationToken ct)
    {
        var applied = (_commits ?? 0) + 1;
        var json = JsonSerializer.Serialize(next, _json);
        try
        {
            await _store.CommitAsync(new GrainBatchCommit(_stateType, _fence, _commits, applied, [new StateWrite(Key, json, applied)], outbox), ct);
        }
        catch (CursorMovedException)
        {
            _state = null;   // another follower wrote: start over from what it stored
            throw;
        }
        _commits = applied;
        _state = next;
        if (outbox.Count > 0)
            _committed?.Invoke();
    }

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
        // Deeper than every block kept: scan again from just below the oldest one (observations confirmed there may be reported again, with the same ids).
        OnDeepReorg(mismatched, oldest);
        var base_ = await Eth.GetBlockByNumberAsync(oldest - 1, ct);
        return base_?.Hash is { } hash ? (oldest - 1, hash.ToLowerInvariant()) : (null, null);
    }
}
