using Confluent.Kafka;

namespace Commerce.Messaging.Consuming;

/// <summary>Called when a partition is assigned to this instance: who processes it, and from which offset.</summary>
public interface IPartitionProcessorFactory
{
    Task<PartitionStart> OpenAsync(TopicPartition partition, CancellationToken ct);
}
