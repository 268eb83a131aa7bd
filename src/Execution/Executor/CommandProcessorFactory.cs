using Commerce.Actors.Storage;
using Commerce.Execution.Storage;
using Commerce.Messaging.Consuming;
using Confluent.Kafka;

namespace Commerce.Execution.Executor;

/// <summary>Opens a command partition: reads the stored cursor of this broker epoch and starts right after it.</summary>
internal sealed class CommandProcessorFactory(CommandAcceptor acceptor, IExecutorStore store, string consumerGroup, string epoch) : IPartitionProcessorFactory
{
    public async Task<PartitionStart> OpenAsync(TopicPartition partition, CancellationToken ct)
    {
        var cursor = new PartitionCursor(consumerGroup, epoch, partition.Topic, partition.Partition.Value);
        var applied = await store.LoadCursorAsync(cursor, ct);
        return new PartitionStart(new CommandPartitionProcessor(acceptor, store, cursor, applied), applied is { } offset ? new Offset(offset + 1) : Offset.Beginning);
    }
}
