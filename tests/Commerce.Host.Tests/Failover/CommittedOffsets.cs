using Confluent.Kafka;

namespace Commerce.Host.Tests.Failover;

/// <summary>What a consumer group has committed on Kafka, read without joining the group (an offset fetch).</summary>
internal static class CommittedOffsets
{
    /// <summary>
    /// The next offset <paramref name="group"/> would read in each of <paramref name="partitions"/> of <paramref name="topic"/>
    /// (0 when nothing was committed).
    /// </summary>
    public static IReadOnlyDictionary<int, long> Of(string bootstrapServers, string group, string topic, IEnumerable<int> partitions)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = group,
            EnableAutoCommit = false,
        }).Build();
        var committed = consumer.Committed(partitions.Select(p => new TopicPartition(topic, p)), TimeSpan.FromSeconds(10));
        return committed.ToDictionary(c => c.Partition.Value, c => c.Offset == Offset.Unset ? 0 : c.Offset.Value);
    }
}
