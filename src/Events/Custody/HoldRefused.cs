using Orleans;

namespace Commerce.Events.Custody;

/// <summary>The custody account could not set the amount aside (insufficient balance, bad amount). Key: order id (on commerce.order-events).</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.HoldRefused")]
public sealed record HoldRefused(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string Wallet,
    [property: Id(2)] string Currency,
    [property: Id(3)] string Amount,
    [property: Id(4)] string Reason) : IEvent;
