namespace Commerce.Actors.Runtime;

/// <summary>A reminder's message, kept with the grain's state: the envelope (its event time is the due time) as JSON.</summary>
public sealed record PendingReminder(DateTimeOffset DueAt, string EnvelopeJson);
