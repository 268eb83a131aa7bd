using System.Globalization;
using System.Text.Json;
using Commerce.Actors.Storage;
using Commerce.Chain.JsonRpc;
using Commerce.Events.Custody;
using Commerce.Events.Envelope;
using Commerce.Events.Topics;
using Commerce.Payments.Watcher;
using Microsoft.Extensions.Logging;

namespace Commerce.Payments.Deposits;

/// <summary>
/// One pass at a time over the chain's blocks, looking for plain ETH sent to the custody address: verify what is
/// stored against the chain (report deposits whose block left it as reorged, rewind the cursor to the fork
/// point), read the next blocks with their transactions (each block's parent must be the one before, else the
/// chain moved under the scan and the pass starts over), keep the transfers to the custody address whose receipt
/// says they succeeded, confirm what is deep enough, and commit the new state with the outbox rows in one
/// transaction of the grain store. The state row is fenced by a commit counter, so two watchers cannot both write.
/// </summary>
public sealed partial class DepositFollower
{
    public const string StateType = "payments.deposit-watcher";

    private readonly DepositWatcherOptions _options;
    private readonly IGrainStore _store;
    private readonly EthClient _eth;
    private readonly ILogger _logger;
    private readonly Action? _committed;
    private readonly PartitionCursor _fence;
    private readonly string _custody;
    private DepositWatcherState? _state;
    private long? _commits;

    public DepositFollower(DepositWatcherOptions options, IGrainStore store, JsonRpcClient rpc, ILogger logger, Action? committed = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _eth = new EthClient(rpc);
        _logger = logger;
        _committed = committed;
        _custody = options.Custody.ToLowerHex();
        _fence = new PartitionCursor(StateType, "chain", $"custody:{_custody}", 0);
    }

    /// <summary>The state as last committed (or loaded).</summary>
    public DepositWatcherState? State => _state;

    /// <summary>The head the last pass read.</summary>
    public ulong? LastHead { get; private set; }

    /// <summary>Runs one pass; returns true when it stopped short of the head (more blocks to read right away).</summary>
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
        var canonical = await HashesAsync(toVerify, ct);
        ulong? lowestOrphan = null;
        foreach (var deposit in pending.ToList())
        {
            var observation = deposit.Observation;
            if (SameHash(canonical[(ulong)observation.BlockNumber], observation.BlockHash))
                continue;
            pending.Remove(deposit);
            lowestOrphan = Math.Min(lowestOrphan ?? ulong.MaxValue, (ulong)observation.BlockNumber);
            outbox.Add(Record(observation with { Reorged = true }, ObservationStage.Reorged, deposit.BlockTime));
            LogReorged(observation.Wallet, observation.TransactionHash, observation.BlockNumber);
        }
        ulong? replaced = cursor is { } at && !SameHash(canonical[at], cursorHash) ? at : null;
        if (lowestOrphan is { } orphanAt && cursor is { } cursorAt && orphanAt <= cursorAt)
            replaced = Math.Min(replaced ?? ulong.MaxValue, orphanAt);
        if (replaced is { } mismatch)
        {
            (cursor, cursorHash) = await ForkBaseAsync(blocks, mismatch, ct);
            LogRewound(mismatch, cursor?.ToString(CultureInfo.InvariantCulture) ?? "start");
            foreach (var number in blocks.Keys.Where(n => cursor is null || n > cursor).ToList())
                blocks.Remove(number);
        }

        // 2. The next blocks.
        var from = cursor is { } last ? last + 1 : _options.StartBlock;
        var more = false;
        if (from <= head)
        {
            var to = Math.Min(head, from + (ulong)_options.MaxBlocksPerPass - 1);
            more = to < head;
            var scanned = await ScanAsync(from, to, cursor is null ? null : cursorHash, ct);
            if (scanned is null)
            {
                more = true;   // the chain moved under the scan: verify again at once
            }
            else
            {
                var known = pending.Select(p => p.Identity).Concat(confirmed.Select(k => k.Identity)).ToHashSet();
                foreach (var (observation, blockTime) in scanned.Value.Deposits)
                {
                    var tracked = new TrackedDeposit(observation, blockTime);
                    if (!known.Add(tracked.Identity))
                        continue;
                    pending.Add(tracked);
                    blocks[(ulong)observation.BlockNumber] = observation.BlockHash;
                    outbox.Add(Record(observation, ObservationStage.Observed, blockTime));
                    LogObserved(observation.Wallet, observation.Amount, observation.TransactionHash, observation.BlockNumber);
                }
                cursor = to;
                cursorHash = scanned.Value.ToHash;
                blocks[to] = cursorHash;
            }
        }

        // 3. Deep enough: every pending deposit was checked against the chain in this pass.
        foreach (var deposit in pending.ToList())
        {
            var observation = deposit.Observation;
            if (head + 1 < (ulong)observation.BlockNumber + (ulong)_options.Confirmations)
                continue;
            pending.Remove(deposit);
            confirmed.Add(new ConfirmedDeposit(deposit.Identity, (ulong)observation.BlockNumber));
            outbox.Add(Record(observation with { Confirmed = true }, ObservationStage.Confirmed, deposit.BlockTime));
            LogConfirmed(observation.Wallet, observation.Amount, observation.TransactionHash);
        }

        if (outbox.Count == 0 && cursor == before.CursorBlock && cursorHash == before.CursorHash && pending.Count == before.Pending.Count)
            return more;
        var window = (ulong)(_options.Confirmations + _options.ReorgWindow);
        var floor = (cursor ?? 0) > window ? cursor!.Value - window : 0;
        var pendingBlocks = pending.Select(p => (ulong)p.Observation.BlockNumber).ToHashSet();
        var next = new DepositWatcherState(
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
        var stored = await _store.LoadStateAsync(StateType, _custody, ct);
        _state = stored is null ? DepositWatcherState.Empty : JsonSerializer.Deserialize(stored.Json, DepositJsonContext.Default.DepositWatcherState) ?? DepositWatcherState.Empty;
        LogLoaded(_custody, _state.CursorBlock?.ToString(CultureInfo.InvariantCulture) ?? "none", _state.Pending.Count);
    }

    private async Task CommitAsync(DepositWatcherState next, List<OutboxWrite> outbox, CancellationToken ct)
    {
        var applied = (_commits ?? 0) + 1;
        var json = JsonSerializer.Serialize(next, DepositJsonContext.Default.DepositWatcherState);
        try
        {
            await _store.CommitAsync(new GrainBatchCommit(StateType, _fence, _commits, applied, [new StateWrite(_custody, json, applied)], outbox, []), ct);
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
    /// The successful value transfers to the custody address in blocks [from, to], with the hash of block
    /// <paramref name="to"/>; null when the blocks do not form one chain on top of <paramref name="parentHash"/>
    /// (the chain changed during the scan).
    /// </summary>
    private async Task<(List<(DepositObserved, ulong)> Deposits, string ToHash)?> ScanAsync(ulong from, ulong to, string? parentHash, CancellationToken ct)
    {
        var batch = _eth.Rpc.CreateBatch();
        var calls = new List<Task<ScannedBlock?>>();
        for (var n = from; n <= to; n++)
            calls.Add(batch.Add(BlockReader.WithTransactions(n)));
        await batch.SendAsync(ct);
        var read = new List<ScannedBlock>();
        var previous = parentHash;
        foreach (var call in calls)
        {
            if (await call is not { } block || (previous is not null && !SameHash(block.ParentHash, previous)))
                return null;
            read.Add(block);
            previous = block.Hash;
        }
        var candidates = read
            .SelectMany(b => b.Transfers.Where(t => t.To == _custody && t.From != _custody && t.Value > 0).Select(t => (Block: b, Transfer: t)))
            .ToList();
        var deposits = new List<(DepositObserved, ulong)>();
        if (candidates.Count > 0)
        {
            // A transfer counts only if it succeeded (a plain transfer to an account without code always does, but say so from the receipt).
            var receipts = _eth.Rpc.CreateBatch();
            var receiptCalls = candidates.Select(c => receipts.Add(EthRpc.GetTransactionReceipt(c.Transfer.Hash))).ToList();
            await receipts.SendAsync(ct);
            for (var i = 0; i < candidates.Count; i++)
            {
                var (block, transfer) = candidates[i];
                if (await receiptCalls[i] is not { } receipt || !SameHash(receipt.BlockHash, block.Hash))
                    return null;
                if (!receipt.Succeeded)
                    continue;
                deposits.Add((new DepositObserved(transfer.From, _custody, transfer.Value.ToString(CultureInfo.InvariantCulture), transfer.Hash,
                    checked((long)block.Number), block.Hash, Confirmed: false, Reorged: false), block.Timestamp));
            }
        }
        return (deposits, read[^1].Hash);
    }

    /// <summary>The highest known block still on the chain (where to scan again from), or the start when none is.</summary>
    private async Task<(ulong?, string?)> ForkBaseAsync(Dictionary<ulong, string> blocks, ulong mismatched, CancellationToken ct)
    {
        var below = blocks.Keys.Where(n => n < mismatched).OrderDescending().ToList();
        var hashes = await HashesAsync(below, ct);
        foreach (var number in below)
        {
            if (SameHash(hashes[number], blocks[number]))
                return (number, blocks[number]);
        }
        var oldest = below.Count > 0 ? below[^1] : mismatched;
        if (oldest <= _options.StartBlock)
            return (null, null);
        LogDeepReorg(mismatched, oldest);
        var base_ = await _eth.GetBlockByNumberAsync(oldest - 1, ct);
        return base_?.Hash is { } hash ? (oldest - 1, hash.ToLowerInvariant()) : (null, null);
    }

    private async Task<Dictionary<ulong, string?>> HashesAsync(IEnumerable<ulong> numbers, CancellationToken ct)
    {
        var result = new Dictionary<ulong, string?>();
        foreach (var chunk in numbers.Distinct().Chunk(200))
        {
            var batch = _eth.Rpc.CreateBatch();
            var calls = chunk.Select(n => (n, batch.Add(EthRpc.GetBlockByNumber(n)))).ToList();
            await batch.SendAsync(ct);
            foreach (var (n, call) in calls)
                result[n] = (await call)?.Hash;
        }
        return result;
    }

    private static OutboxWrite Record(DepositObserved observation, ObservationStage stage, ulong blockTime)
    {
        var id = DepositEventIds.For(observation.TransactionHash, stage, observation.BlockHash);
        var envelope = EventEnvelope.Create(observation.Wallet, observation, DateTimeOffset.FromUnixTimeSeconds(checked((long)blockTime)), id: id);
        return new OutboxWrite(TopicCatalog.CustodyEvents.Name, observation.Wallet, EnvelopeSerializer.Serialize(envelope));
    }

    private static bool SameHash(string? a, string? b) => a is not null && b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deposit watcher {Custody}: cursor at block {Cursor}, {Pending} deposits waiting for confirmation")]
    private partial void LogLoaded(string custody, string cursor, int pending);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deposit of {Amount} wei by {Wallet} seen in tx {Tx} (block {Number}), not yet confirmed")]
    private partial void LogObserved(string wallet, string amount, string tx, long number);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deposit of {Amount} wei by {Wallet} in tx {Tx} confirmed")]
    private partial void LogConfirmed(string wallet, string amount, string tx);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deposit by {Wallet} in tx {Tx}: block {Number} left the chain")]
    private partial void LogReorged(string wallet, string tx, long number);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reorg at block {Number}: scanning deposits again after block {Base}")]
    private partial void LogRewound(ulong number, string @base);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reorg below every kept block (seen at {Number}, oldest kept {Oldest}): raise Deposits:ReorgWindow")]
    private partial void LogDeepReorg(ulong number, ulong oldest);
}
