using Orleans;

namespace Commerce.Events.Orders;

/// <summary>The Order grain's own reminder: a stage took too long (payment not seen in time). Key: order id.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.OrderTimedOut")]
public sealed record OrderTimedOut(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string Stage) : IEvent;
