using System.Diagnostics;
using Commerce.Events.Envelope;
using Commerce.Events.Topics;
using Confluent.Kafka;

namespace Commerce.Actors.Tests.Harness;

/// <summary>What a test reads of the broker, and the one thing it changes there: a consumer group's committed offsets.</summary>
public static class KafkaTopics
{
    /// <summary>
    /// Reads <paramref name="topic"/> from its beginning until what was read satisfies <paramref name="done"/>, then on to
    /// the end of every partition as it is at that moment, so the answer holds every record the topic had then (exact
    /// counts can be asserted). Fails after <paramref name="timeout"/> saying what was <paramref name="expected"/>.
    /// </summary>
    public static Task<IReadOnlyList<TopicRecord>> ReadUntilAsync(string bootstrap, TopicDefinition topic,
        Func<IReadOnlyList<TopicRecord>, bool> done, TimeSpan timeout, string expected) =>
        Task.Run(() => ReadUntil(bootstrap, topic, done, timeout, expected));

    /// <summary>Records the topic holds now, summed over its partitions (its high watermarks: nothing is ever deleted in a test).</summary>
    public static long Count(string bootstrap, TopicDefinition topic)
    {
        using var consumer = Reader(bootstrap);
        return Partitions(topic).Sum(p => consumer.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(10)).High.Value);
    }

    /// <summary>The offsets <paramref name="group"/> committed on <paramref name="topic"/>, per partition (absent: none).</summary>
    public static IReadOnlyDictionary<int, long> Committed(string bootstrap, string group, TopicDefinition topic)
    {
        using var consumer = GroupMember(bootstrap, group);
        return consumer.Committed(Partitions(topic), TimeSpan.FromSeconds(10))
            .Where(c => c.Offset.Value >= 0)
            .ToDictionary(c => c.Partition.Value, c => c.Offset.Value);
    }

    /// <summary>
    /// Commits offset 0 for every partition of <paramref name="topic"/> in <paramref name="group"/> (which must have no
    /// member): what a host that applied records and died before its Kafka commit leaves behind.
    /// </summary>
    public static void Rewind(string bootstrap, string group, TopicDefinition topic, TimeSpan timeout)
    {
        // The broker takes commits from members only: join the group (alone, it gets every partition), commit, leave.
        using var consumer = GroupMember(bootstrap, group);
        consumer.Subscribe(topic.Name);
        var clock = Stopwatch.StartNew();
        while (consumer.Assignment.Count < topic.Partitions)
        {
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"after {timeout.TotalSeconds:F0} s: expected to join {group} alone and be assigned the {topic.Partitions} partitions of {topic.Name}, got {consumer.Assignment.Count}");
            consumer.Consume(TimeSpan.FromMilliseconds(100));
        }
        consumer.Commit(Partitions(topic).Select(p => new TopicPartitionOffset(p, 0)));
        consumer.Close();
    }

    private static IReadOnlyList<TopicRecord> ReadUntil(string bootstrap, TopicDefinition topic,
        Func<IReadOnlyList<TopicRecord>, bool> done, TimeSpan timeout, string expected)
    {
        using var consumer = Reader(bootstrap);
        consumer.Assign(Partitions(topic).Select(p => new TopicPartitionOffset(p, Offset.Beginning)));
        var read = new List<TopicRecord>();
        var clock = Stopwatch.StartNew();
        Dictionary<int, long>? ends = null;
        while (true)
        {
            if (ends is null && done(read))
                ends = Partitions(topic).ToDictionary(p => p.Partition.Value, p => consumer.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(10)).High.Value);
            if (ends is not null && ends.All(e => e.Value == 0 || read.Any(r => r.Partition == e.Key && r.Offset >= e.Value - 1)))
                return read;
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"after {timeout.TotalSeconds:F0} s reading {topic.Name}: expected {expected}; read {read.Count} records: "
                    + string.Join(", ", read.TakeLast(10).Select(r => $"{r.Envelope.Type} {r.Key}@{r.Partition}/{r.Offset}")));
            }
            var record = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (record is null || record.IsPartitionEOF)
                continue;
            read.Add(new TopicRecord(record.Partition.Value, record.Offset.Value, record.Message.Key,
                EnvelopeSerializer.Deserialize(record.Message.Value)));
        }
    }

    private static IEnumerable<TopicPartition> Partitions(TopicDefinition topic) =>
        Enumerable.Range(0, topic.Partitions).Select(p => new TopicPartition(topic.Name, p));

    private static IConsumer<string, byte[]> Reader(string bootstrap) =>
        new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = $"test-reader-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
            IsolationLevel = IsolationLevel.ReadCommitted,
        }).Build();

    /// <summary>
    /// A member of <paramref name="group"/> that commits only when told, with the platform's assignment protocol and a short
    /// session: the embedded broker lets the platform's next member in once the session of this one, gone, would have ended.
    /// </summary>
    private static IConsumer<string, byte[]> GroupMember(string bootstrap, string group) =>
        new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = group,
            EnableAutoCommit = false,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
            SessionTimeoutMs = 1000,
            MaxPollIntervalMs = 1000,
        }).Build();
}
