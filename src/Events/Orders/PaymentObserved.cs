using Orleans;

namespace Commerce.Events.Orders;

/// <summary>
/// The Checkout contract logged something about an order (Purchased, InstallmentPaid, PlanCompleted,
/// PlanDefaulted, Refunded, RefundCredited: a refund its recipient refused, credited to <see cref="Buyer"/> in the
/// Checkout to claim). <see cref="Confirmed"/> once the block is deep enough; a log whose block left the chain is
/// reported with <see cref="Reorged"/>. Key: order id (the purchase id). The watcher also follows OwedPaid, which is
/// about no order: it tracks it as this record (empty order id, <see cref="PaidTo"/> set) and reports it to the player
/// as <see cref="Player.CreditedRefundPaid"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.PaymentObserved")]
public sealed record PaymentObserved(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Buyer,
    [property: Id(3)] string Amount,
    [property: Id(4)] string TotalPaid,
    [property: Id(5)] long? NextDeadline,
    [property: Id(6)] string TransactionHash,
    [property: Id(7)] int LogIndex,
    [property: Id(8)] long BlockNumber,
    [property: Id(9)] string BlockHash,
    [property: Id(10)] bool Confirmed,
    [property: Id(11)] bool Reorged) : IEvent
{
    /// <summary>The currency's address (zero address: ETH), for the logs that name it (RefundCredited, OwedPaid); null otherwise.</summary>
    [Id(12)]
    public string? Currency { get; init; }

    /// <summary>Where an OwedPaid sent the credit; null for every other log.</summary>
    [Id(13)]
    public string? PaidTo { get; init; }
}
