using System.Diagnostics;
using Commerce.Events.Envelope;
using Commerce.Events.Topics;
using Confluent.Kafka;

namespace Commerce.Connectors.Tests.Support;

/// <summary>Reads what was published to the item-events topic, straight from the broker.</summary>
public sealed class ItemEventsReader(string bootstrapServers)
{
    private static readonly string Topic = TopicCatalog.ItemEvents.Name;

    /// <summary>The sum of the topic's high-water marks: it moves if and only if something was published.</summary>
    public long TotalRecords()
    {
        using var consumer = Consumer();
        return Enumerable.Range(0, TopicCatalog.ItemEvents.Partitions)
            .Sum(p => consumer.QueryWatermarkOffsets(new TopicPartition(Topic, p), TimeSpan.FromSeconds(10)).High.Value);
    }

    /// <summary>Every envelope keyed <paramref name="key"/>, in offset order, once <paramref name="done"/> says enough was read.</summary>
    public Task<IReadOnlyList<EventEnvelope>> ReadUntilAsync(string key, Func<IReadOnlyList<EventEnvelope>, bool> done, TimeSpan timeout, string expected) =>
        Task.Run<IReadOnlyList<EventEnvelope>>(() =>
        {
            using var consumer = Consumer();
            consumer.Assign(Enumerable.Range(0, TopicCatalog.ItemEvents.Partitions)
                .Select(p => new TopicPartitionOffset(Topic, p, Offset.Beginning)));
            var found = new List<EventEnvelope>();
            var clock = Stopwatch.StartNew();
            while (!done(found))
            {
                if (clock.Elapsed > timeout)
                    throw new TimeoutException($"after {timeout.TotalSeconds:F0} s on {Topic}: expected {expected}; found {found.Count} record(s) keyed {key}");
                var record = consumer.Consume(TimeSpan.FromMilliseconds(100));
                if (record?.Message is { } message && message.Key == key)
                    found.Add(EnvelopeSerializer.Deserialize(message.Value));
            }
            consumer.Close();
            return found;
        });

    private IConsumer<string, byte[]> Consumer() => new ConsumerBuilder<string, byte[]>(new ConsumerConfig
    {
        BootstrapServers = bootstrapServers,
        GroupId = $"connectors-tests-{Guid.NewGuid():N}",
        EnableAutoCommit = false,
        AutoOffsetReset = AutoOffsetReset.Earliest,
    }).Build();
}
