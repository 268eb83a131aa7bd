using Commerce.Events.Envelope;

namespace Commerce.Actors.Tests.Harness;

/// <summary>One record read back from a topic: where it is and the envelope it carries.</summary>
public sealed record TopicRecord(int Partition, long Offset, string Key, EventEnvelope Envelope);
