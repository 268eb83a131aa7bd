namespace Commerce.Events.Items;

/// <summary>
/// An order asks to hold an item until <see cref="ReservedUntil"/> while it is paid. The item's
/// grain decides, one request at a time, so two buyers of a unique item can never both get it.
/// Key: item id.
/// </summary>
public sealed record ReservationRequested(string ItemId, string OrderId, string PlayerId, DateTimeOffset ReservedUntil) : IEvent;
