using Orleans;

namespace Commerce.Events.Orders;

/// <summary>The buyer asked to cancel an order before paying for it. Key: order id.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.OrderCancellationRequested")]
public sealed record OrderCancellationRequested(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string PlayerId) : IEvent;
