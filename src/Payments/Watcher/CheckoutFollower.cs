using Commerce.Actors.Storage;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using Commerce.Events.Envelope;
using Commerce.Events.Orders;
using Commerce.Events.Player;
using Commerce.Events.Topics;
using Commerce.Payments.Following;
using Commerce.Payments.Options;
using Microsoft.Extensions.Logging;

namespace Commerce.Payments.Watcher;

/// <summary>
/// The Checkout's logs as a <see cref="ChainFollower{TObservation, TTracked}"/>: each range is read with
/// eth_getLogs (the Checkout's address, the five event topics; the range halved each time the node refuses it),
/// decoded to <see cref="PaymentObserved"/> and kept only if every log's block and the range's first parent are
/// canonical. Reports go to commerce.order-events keyed by the order id, ids from <see cref="PaymentEventIds"/>; an
/// OwedPaid (a credited refund paid out, about no order) goes to commerce.player-events keyed by the credited account as
/// <see cref="CreditedRefundPaid"/>, so the player's session tells the player.
/// </summary>
public sealed partial class CheckoutFollower(CheckoutWatcherOptions options, IGrainStore store, JsonRpcClient rpc, ILogger logger, Action? committed = null)
    : ChainFollower<PaymentObserved, TrackedLog>(options, store, rpc, StateType, "checkout", FollowerJsonContext.Default.FollowerStateTrackedLog, committed)
{
    public const string StateType = "payments.checkout-watcher";

    private readonly EthAddress _address = options.Address;
    private readonly CheckoutContract _checkout = new(new EthClient(rpc), options.Address);
    private ulong _range = (ulong)options.MaxBlockRange;

    /// <summary>Blocks asked per eth_getLogs now: Payments:MaxBlockRange, halved each time the node refused a range.</summary>
    public ulong BlockRange => _range;

    protected override ulong RangeSize => _range;

    protected override async Task<RangeScan<PaymentObserved>?> ScanAsync(ulong from, ulong to, string? parentHash, CancellationToken ct)
    {
        IReadOnlyList<RpcLog> logs;
        try
        {
            logs = await Eth.GetLogsAsync(new LogFilter
            {
                FromBlock = from,
                ToBlock = to,
                Addresses = [_address],
                Topics = [PaymentMapping.Topics],
            }, ct);
        }
        catch (JsonRpcException ex) when (to > from)
        {
            _range = Math.Max(1, (to - from + 1) / 2);   // asked again at once with the smaller range
            LogRangeRefused(from, to, ex.Code, ex.RpcMessage, _range);
            return null;
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
        return new RangeScan<PaymentObserved>(result, toHash.ToLowerInvariant());
    }

    protected override TrackedLog Track(PaymentObserved observation, ulong blockTime) => new(observation, blockTime);

    protected override (ulong Number, string Hash) BlockOf(PaymentObserved observation) => ((ulong)observation.BlockNumber, observation.BlockHash);

    protected override PaymentObserved AtStage(PaymentObserved observation, ObservationStage stage) =>
        stage == ObservationStage.Confirmed ? observation with { Confirmed = true } : observation with { Reorged = true };

    protected override OutboxWrite Record(PaymentObserved observation, ObservationStage stage, ulong blockTime)
    {
        var id = PaymentEventIds.For(observation.TransactionHash, observation.LogIndex, stage, observation.BlockHash);
        var at = DateTimeOffset.FromUnixTimeSeconds(checked((long)blockTime));
        if (PaymentMapping.IsOwedPaid(observation))
        {
            var player = observation.Buyer.ToLowerInvariant();
            var paid = new CreditedRefundPaid(player, observation.Currency!.ToLowerInvariant(), observation.PaidTo!.ToLowerInvariant(), observation.Amount,
                observation.TransactionHash, observation.LogIndex, observation.Confirmed, observation.Reorged);
            return new OutboxWrite(TopicCatalog.PlayerEvents.Name, player, EnvelopeSerializer.Serialize(EventEnvelope.Create(player, paid, at, id: id)));
        }
        var envelope = EventEnvelope.Create(observation.OrderId, observation, at, id: id);
        return new OutboxWrite(TopicCatalog.OrderEvents.Name, observation.OrderId, EnvelopeSerializer.Serialize(envelope));
    }

    protected override void OnLoaded(string key, string cursor, int pending) => LogLoaded(key, cursor, pending);

    protected override void OnReported(PaymentObserved o, ObservationStage stage)
    {
        switch (stage)
        {
            case ObservationStage.Observed: LogObserved(o.OrderId, o.Kind, o.BlockNumber, o.TransactionHash); break;
            case ObservationStage.Confirmed: LogConfirmed(o.OrderId, o.Kind, o.BlockNumber); break;
            default: LogReorged(o.OrderId, o.Kind, o.BlockNumber, o.BlockHash); break;
        }
    }

    protected override void OnRewound(ulong number, string orphanedHash, string @base) => LogRewound(number, orphanedHash, @base);

    protected override void OnDeepReorg(ulong number, ulong oldest) => LogDeepReorg(number, oldest);

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
