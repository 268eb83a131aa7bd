namespace Commerce.Events.Orders;

/// <summary>The item could not be held for this order (reserved by another, sold, not listed). Key: order id.</summary>
public sealed record ReservationRefused(string OrderId, string ItemId, string Reason) : IEvent;
