namespace Commerce.Host.Api.Responses;

/// <summary>One event the order saw: the status it moved from and to (equal when it changed nothing) and why.</summary>
public sealed record OrderStepView(string Event, string From, string To, DateTimeOffset At, string? Detail);
