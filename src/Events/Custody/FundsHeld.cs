using Orleans;

namespace Commerce.Events.Custody;

/// <summary>The custody account set <see cref="Amount"/> aside for the order. Key: order id (on commerce.order-events).</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.FundsHeld")]
public sealed record FundsHeld(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string Wallet,
    [property: Id(2)] string Currency,
    [property: Id(3)] string Amount) : IEvent;
