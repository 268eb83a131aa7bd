using Orleans;

namespace Commerce.Events.Orders;

/// <summary>An operator asked to refund a completed order through the Checkout (compensation). Key: order id.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.OrderRefundRequested")]
public sealed record OrderRefundRequested(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string RequestedBy,
    [property: Id(2)] string Reason) : IEvent;
