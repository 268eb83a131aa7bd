using Orleans;

namespace Commerce.Events.Items;

/// <summary>
/// An order asks to hold an item until <see cref="ReservedUntil"/> while it is paid. The item's
/// grain decides, one request at a time, so two buyers of a unique item can never both get it.
/// Key: item id.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.ReservationRequested")]
public sealed record ReservationRequested(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string OrderId,
    [property: Id(2)] string PlayerId,
    [property: Id(3)] DateTimeOffset ReservedUntil) : IEvent;
