using Orleans;

namespace Commerce.Events.Orders;

/// <summary>An order was not cancelled: <see cref="Reason"/> says why (not the caller's, already paid for, already over).</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.OrderCancellationRefused")]
public sealed record OrderCancellationRefused(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string Reason) : IEvent;
