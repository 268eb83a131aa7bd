using Orleans;

namespace Commerce.Events.Envelope;

/// <summary>
/// What every Kafka record carries: the event plus the metadata needed to route, dedupe and trace it.
/// The record key equals <see cref="Key"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.EventEnvelope")]
public sealed record EventEnvelope(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Type,
    [property: Id(2)] string Key,
    [property: Id(3)] DateTimeOffset OccurredAt,
    [property: Id(4)] int SchemaVersion,
    [property: Id(5)] string? CorrelationId,
    [property: Id(6)] IEvent Payload)
{
    public const int CurrentSchemaVersion = 1;

    public static EventEnvelope Create(string key, IEvent payload, DateTimeOffset occurredAt, string? correlationId = null, Guid? id = null) =>
        new(id ?? Guid.CreateVersion7(occurredAt), payload.GetType().Name, key, occurredAt, CurrentSchemaVersion, correlationId, payload);
}
