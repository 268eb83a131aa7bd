using Orleans;

namespace Commerce.Events.Orders;

/// <summary>
/// A refund is asked of the executor (command <see cref="CommandId"/>), or was already: who asked, when and why (the first
/// request's, however often it is repeated). Key: order id.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.OrderRefundAccepted")]
public sealed record OrderRefundAccepted(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string CommandId,
    [property: Id(2)] string RequestedBy,
    [property: Id(3)] string Reason,
    [property: Id(4)] DateTimeOffset RequestedAt) : IEvent;
