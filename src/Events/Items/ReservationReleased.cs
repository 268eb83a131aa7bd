using Orleans;

namespace Commerce.Events.Items;

/// <summary>An order gives its hold on an item back (cancelled, failed, timed out). Key: item id.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.ReservationReleased")]
public sealed record ReservationReleased(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string OrderId,
    [property: Id(2)] string Reason) : IEvent;
