using Orleans;

namespace Commerce.Events.Orders;

/// <summary>The item is held for this order until <see cref="ReservedUntil"/>. Key: order id.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.ItemReserved")]
public sealed record ItemReserved(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string ItemId,
    [property: Id(2)] string PlayerId,
    [property: Id(3)] DateTimeOffset ReservedUntil) : IEvent;
