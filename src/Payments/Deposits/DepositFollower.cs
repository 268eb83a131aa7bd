using System.Globalization;
using Commerce.Actors.Storage;
using Commerce.Chain.JsonRpc;
using Commerce.Events.Custody;
using Commerce.Events.Envelope;
using Commerce.Events.Marks;
using Commerce.Events.Topics;
using Commerce.Payments.Following;
using Commerce.Payments.Watcher;
using Microsoft.Extensions.Logging;

namespace Commerce.Payments.Deposits;

/// <summary>
/// Plain ETH sent to the custody address as a <see cref="ChainFollower{TObservation, TTracked}"/>: each range is
/// read block by block with the transactions (one batch; each block's parent must be the one before, else the
/// chain moved under the scan and the pass starts over), and a transfer to the custody address counts only if its
/// receipt says it succeeded. Reports go to commerce.custody-events keyed by the sender, ids from
/// <see cref="DepositEventIds"/>, each marked with the watcher's key (<see cref="DepositMac"/>).
/// </summary>
public sealed partial class DepositFollower(DepositWatcherOptions options, IGrainStore store, JsonRpcClient rpc, ILogger logger, Action? committed = null)
    : ChainFollower<DepositObserved, TrackedDeposit>(options, store, rpc, StateType, "custody", FollowerJsonContext.Default.FollowerStateTrackedDeposit, committed)
{
    public const string StateType = "payments.deposit-watcher";

    private readonly string _custody = options.Custody.ToLowerHex();

    /// <summary>The key every report is marked with (<see cref="DepositMac"/>): only marked deposits are credited.</summary>
    private readonly byte[] _markKey = FieldMac.DecodeKey(options.MarkKey)
        ?? throw new ArgumentException($"{DepositWatcherOptions.Section}:{nameof(DepositWatcherOptions.MarkKey)} must be base64 of at least {FieldMac.MinKeyBytes} bytes", nameof(options));

    protected override ulong RangeSize { get; } = (ulong)options.MaxBlocksPerPass;

    /// <summary>
    /// The successful value transfers to the custody address in blocks [from, to]; null when the blocks do not form
    /// one chain on top of <paramref name="parentHash"/> (the chain changed during the scan).
    /// </summary>
    protected override async Task<RangeScan<DepositObserved>?> ScanAsync(ulong from, ulong to, string? parentHash, CancellationToken ct)
    {
        var batch = Eth.Rpc.CreateBatch();
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
            var receipts = Eth.Rpc.CreateBatch();
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
        return new RangeScan<DepositObserved>(deposits, read[^1].Hash);
    }

    protected override TrackedDeposit Track(DepositObserved observation, ulong blockTime) => new(observation, blockTime);

    protected override (ulong Number, string Hash) BlockOf(DepositObserved observation) => ((ulong)observation.BlockNumber, observation.BlockHash);

    protected override DepositObserved AtStage(DepositObserved observation, ObservationStage stage) =>
        stage == ObservationStage.Confirmed ? observation with { Confirmed = true } : observation with { Reorged = true };

    protected override OutboxWrite Record(DepositObserved observation, ObservationStage stage, ulong blockTime)
    {
        var id = DepositEventIds.For(observation.TransactionHash, stage, observation.BlockHash);
        var envelope = EventEnvelope.Create(observation.Wallet, DepositMac.Sign(observation, _markKey), DateTimeOffset.FromUnixTimeSeconds(checked((long)blockTime)), id: id);
        return new OutboxWrite(TopicCatalog.CustodyEvents.Name, observation.Wallet, EnvelopeSerializer.Serialize(envelope));
    }

    protected override void OnLoaded(string key, string cursor, int pending) => LogLoaded(key, cursor, pending);

    protected override void OnReported(DepositObserved o, ObservationStage stage)
    {
        switch (stage)
        {
            case ObservationStage.Observed: LogObserved(o.Wallet, o.Amount, o.TransactionHash, o.BlockNumber); break;
            case ObservationStage.Confirmed: LogConfirmed(o.Wallet, o.Amount, o.TransactionHash); break;
            default: LogReorged(o.Wallet, o.TransactionHash, o.BlockNumber); break;
        }
    }

    protected override void OnRewound(ulong number, string orphanedHash, string @base) => LogRewound(number, @base);

    protected override void OnDeepReorg(ulong number, ulong oldest) => LogDeepReorg(number, oldest);

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
