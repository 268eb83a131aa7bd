namespace Commerce.Events.Orders;

/// <summary>What the transaction executor reports about an order's delivery transaction (custodial path). Key: order id.</summary>
public sealed record DeliveryUpdated(string OrderId, string CommandId, string Status, string? Detail) : IEvent;
