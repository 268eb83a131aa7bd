namespace Commerce.Events.Items;

/// <summary>An order gives its hold on an item back (cancelled, failed, timed out). Key: item id.</summary>
public sealed record ReservationReleased(string ItemId, string OrderId, string Reason) : IEvent;
