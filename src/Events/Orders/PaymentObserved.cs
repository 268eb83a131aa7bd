using Orleans;

namespace Commerce.Events.Orders;

/// <summary>
/// The Checkout contract logged something about an order (Purchased, InstallmentPaid, PlanCompleted,
/// PlanDefaulted, Refunded). <see cref="Confirmed"/> once the block is deep enough; a log whose block
/// left the chain is reported with <see cref="Reorged"/>. Key: order id (the purchase id).
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
    [property: Id(11)] bool Reorged) : IEvent;
