namespace Commerce.Events.Orders;

/// <summary>
/// The Checkout contract logged something about an order (Purchased, InstallmentPaid, PlanCompleted,
/// PlanDefaulted, Refunded). <see cref="Confirmed"/> once the block is deep enough; a log whose block
/// left the chain is reported with <see cref="Reorged"/>. Key: order id (the purchase id).
/// </summary>
public sealed record PaymentObserved(
    string OrderId,
    string Kind,
    string Buyer,
    string Amount,
    string TotalPaid,
    long? NextDeadline,
    string TransactionHash,
    int LogIndex,
    long BlockNumber,
    string BlockHash,
    bool Confirmed,
    bool Reorged) : IEvent;
