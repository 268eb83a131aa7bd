using Commerce.Actors.Storage;
using Commerce.Messaging.Consuming;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Commerce.Actors.Runtime;

/// <summary>Opens a partition's grains: reads the stored cursor and starts right after it.</summary>
internal sealed class GrainProcessorFactory(
    GrainDefinition definition,
    string consumerGroup,
    string epoch,
    IGrainStore store,
    OutboxSignal outboxSignal,
    GrainRuntimeOptions options,
    GrainMetrics metrics,
    TimeProvider clock,
    ILogger logger) : IPartitionProcessorFactory
{
    public async Task<PartitionStart> OpenAsync(TopicPartition partition, CancellationToken ct)
    {
        var cursor = new PartitionCursor(consumerGroup, epoch, partition.Topic, partition.Partition.Value);
        var applied = await store.LoadCursorAsync(cursor, ct);
        var processor = new GrainPartitionProcessor(definition, cursor, applied, store, outboxSignal, options, metrics, clock, logger);
        return new PartitionStart(processor, applied is { } offset ? new Offset(offset + 1) : Offset.Beginning);
    }
}
