using Orleans;

namespace Commerce.Actors.Orders;

/// <summary>
/// One event the order saw, at event time: the state it moved from and to (equal when the event changed
/// nothing: a repeat, a late event after the end, an unconfirmed or reorged payment) and why.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.state.OrderTransition")]
public sealed record OrderTransition(
    [property: Id(0)] string Event,
    [property: Id(1)] string From,
    [property: Id(2)] string To,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string? Detail);
