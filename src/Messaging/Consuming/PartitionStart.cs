using Confluent.Kafka;

namespace Commerce.Messaging.Consuming;

/// <summary>
/// Where a newly assigned partition starts. <see cref="Offset"/> is the next offset to read;
/// <see cref="Confluent.Kafka.Offset.Unset"/> means "the group's committed offset".
/// </summary>
public sealed record PartitionStart(IPartitionProcessor Processor, Offset Offset);
