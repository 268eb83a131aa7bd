using Commerce.Events;
using Commerce.Events.Topics;

namespace Commerce.Connectors.Ingestion;

/// <summary>One platform event an external source gave rise to, with its stable id (<see cref="StableEventId"/>).</summary>
public sealed record IngestRecord(Guid EventId, TopicDefinition Topic, string Key, IEvent Payload, DateTimeOffset OccurredAt, string? CorrelationId = null);
