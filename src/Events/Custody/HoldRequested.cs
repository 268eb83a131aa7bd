using Orleans;

namespace Commerce.Events.Custody;

/// <summary>
/// An order asked the custody account of <see cref="Wallet"/> to set <see cref="Amount"/> aside for it (the
/// custodial payment kind). Answered on commerce.order-events with FundsHeld or HoldRefused. Key: the wallet (lowercase).
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.HoldRequested")]
public sealed record HoldRequested(
    [property: Id(0)] string Wallet,
    [property: Id(1)] string OrderId,
    [property: Id(2)] string Currency,
    [property: Id(3)] string Amount) : IEvent;
