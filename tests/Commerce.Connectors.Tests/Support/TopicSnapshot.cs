using Commerce.Events.Envelope;
using Commerce.Events.Topics;
using Confluent.Kafka;

namespace Commerce.Connectors.Tests.Support;

/// <summary>Every envelope on a topic right now, read from the beginning to the high-water marks, straight from the broker.</summary>
public static class TopicSnapshot
{
    public static IReadOnlyList<EventEnvelope> Read(string bootstrapServers, TopicDefinition topic)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"connectors-tests-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
            IsolationLevel = IsolationLevel.ReadUncommitted,
        }).Build();
        var ends = Enumerable.Range(0, topic.Partitions)
            .Select(p => (Partition: new TopicPartition(topic.Name, p), High: consumer.QueryWatermarkOffsets(new TopicPartition(topic.Name, p), TimeSpan.FromSeconds(10)).High.Value))
            .Where(e => e.High > 0)
            .ToDictionary(e => e.Partition, e => e.High);
        var found = new List<EventEnvelope>();
        if (ends.Count == 0)
            return found;
        consumer.Assign(ends.Keys.Select(p => new TopicPartitionOffset(p, Offset.Beginning)));
        var open = ends.Keys.ToHashSet();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (open.Count > 0)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{topic.Name}: could not read up to the high-water marks within 60 s");
            var record = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (record is null)
                continue;
            found.Add(EnvelopeSerializer.Deserialize(record.Message.Value));
            if (record.Offset.Value + 1 >= ends[record.TopicPartition])
                open.Remove(record.TopicPartition);
        }
        consumer.Close();
        return found;
    }
}
