namespace Commerce.Actors.Orders;

/// <summary>
/// One event the order saw, at event time: the state it moved from and to (equal when the event changed
/// nothing: a repeat, a late event after the end, an unconfirmed or reorged payment) and why.
/// </summary>
public sealed record OrderTransition(string Event, string From, string To, DateTimeOffset At, string? Detail);
