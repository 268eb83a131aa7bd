namespace Commerce.Events.Envelope;

/// <summary>
/// What every Kafka record carries: the event plus the metadata needed to route, dedupe and trace it.
/// The record key equals <see cref="Key"/>.
/// </summary>
public sealed record EventEnvelope(
    Guid Id,
    string Type,
    string Key,
    DateTimeOffset OccurredAt,
    int SchemaVersion,
    string? CorrelationId,
    IEvent Payload)
{
    public const int CurrentSchemaVersion = 1;

    public static EventEnvelope Create(string key, IEvent payload, DateTimeOffset occurredAt, string? correlationId = null, Guid? id = null) =>
        new(id ?? Guid.CreateVersion7(occurredAt), payload.GetType().Name, key, occurredAt, CurrentSchemaVersion, correlationId, payload);
}
