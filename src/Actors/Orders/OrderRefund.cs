using Orleans;

namespace Commerce.Actors.Orders;

/// <summary>
/// An operator's refund of the order through the Checkout (docs/ORDERS.md, "Refunds"): who asked, when and why, the
/// executor command carrying it (attempt n > 1 after a failed one), and whether that command failed (then it may be
/// asked again). The order moves to refunded only when the Checkout's Refunded log is confirmed.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.state.OrderRefund")]
public sealed record OrderRefund(
    [property: Id(0)] string RequestedBy,
    [property: Id(1)] string Reason,
    [property: Id(2)] DateTimeOffset RequestedAt,
    [property: Id(3)] string CommandId,
    [property: Id(4)] int Attempt,
    [property: Id(5)] string? FailedBecause);
