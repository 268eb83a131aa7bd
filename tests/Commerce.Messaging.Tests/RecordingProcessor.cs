using System.Collections.Concurrent;
using Commerce.Messaging.Consuming;
using Confluent.Kafka;

namespace Commerce.Messaging.Tests;

/// <summary>Remembers every record it was handed, per partition, and can be slowed down by a gate.</summary>
internal sealed class RecordingProcessor(RecordingFactory owner, TopicPartition partition) : IPartitionProcessor
{
    public async Task ProcessAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct)
    {
        await owner.Gate.WaitAsync(ct);
        owner.Gate.Release();
        foreach (var record in batch)
            owner.Seen.GetOrAdd(partition.Partition.Value, _ => new ConcurrentQueue<long>()).Enqueue(record.Offset.Value);
        Interlocked.Add(ref owner.Count, batch.Count);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

internal sealed class RecordingFactory : IPartitionProcessorFactory
{
    public readonly ConcurrentDictionary<int, ConcurrentQueue<long>> Seen = new();
    public readonly SemaphoreSlim Gate = new(1, 1);
    public int Count;

    public Task<PartitionStart> OpenAsync(TopicPartition partition, CancellationToken ct) =>
        Task.FromResult(new PartitionStart(new RecordingProcessor(this, partition), Offset.Unset));
}
