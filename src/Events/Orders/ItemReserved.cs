namespace Commerce.Events.Orders;

/// <summary>The item is held for this order until <see cref="ReservedUntil"/>. Key: order id.</summary>
public sealed record ItemReserved(string OrderId, string ItemId, string PlayerId, DateTimeOffset ReservedUntil) : IEvent;
