using Orleans;

namespace Commerce.Events.Items;

/// <summary>
/// An item's hold for an order ran out before the order released or used it. Delivered to the
/// item's grain by its reminder (key: item id), and then told to the order (key: order id).
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.ReservationExpired")]
public sealed record ReservationExpired(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string OrderId) : IEvent;
