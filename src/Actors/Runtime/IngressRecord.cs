using Commerce.Events.Envelope;

namespace Commerce.Actors.Runtime;

/// <summary>One Kafka record handed to its grain: its offset and the event it carries.</summary>
[GenerateSerializer, Immutable, Alias("commerce.runtime.IngressRecord")]
public sealed record IngressRecord([property: Id(0)] long Offset, [property: Id(1)] EventEnvelope Envelope);
