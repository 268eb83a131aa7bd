using Orleans;

namespace Commerce.Events.Orders;

/// <summary>The item could not be held for this order (reserved by another, sold, not listed). Key: order id.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.ReservationRefused")]
public sealed record ReservationRefused(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string ItemId,
    [property: Id(2)] string Reason) : IEvent;
