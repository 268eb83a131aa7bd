using Orleans;

namespace Commerce.Events.Orders;

/// <summary>A refund was not asked for: the order is in <see cref="Status"/> (none: no such order), <see cref="Reason"/> says why.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.OrderRefundRefused")]
public sealed record OrderRefundRefused(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string Status,
    [property: Id(2)] string Reason) : IEvent;
