namespace Commerce.Events.Orders;

/// <summary>The Order grain's own reminder: a stage took too long (payment not seen in time). Key: order id.</summary>
public sealed record OrderTimedOut(string OrderId, string Stage) : IEvent;
