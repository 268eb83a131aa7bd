using Orleans;

namespace Commerce.Events.Orders;

/// <summary>What the transaction executor reports about an order's delivery transaction (custodial path). Key: order id.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.DeliveryUpdated")]
public sealed record DeliveryUpdated(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string CommandId,
    [property: Id(2)] string Status,
    [property: Id(3)] string? Detail) : IEvent;
