using Commerce.Events.Envelope;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Confluent.Kafka;

namespace Commerce.Connectors.Ingestion.Storage;

/// <summary>
/// After a crash between producing a batch and recording it as published: reads the connector's topics from a little
/// before the batch was written to their ends and answers which of the pending event ids are there (so they are not
/// produced again, and the others are).
/// </summary>
public sealed class PendingResolver(KafkaConnection kafka)
{
    /// <summary>How far before the pending rows' time the topic is read (producer and database clocks differ a little).</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromSeconds(30);

    public Task<IReadOnlySet<Guid>> FindAsync(IReadOnlyList<TopicDefinition> topics, IReadOnlySet<Guid> pending, DateTimeOffset since, CancellationToken ct) =>
        Task.Run<IReadOnlySet<Guid>>(() =>
        {
            var found = new HashSet<Guid>();
            var config = kafka.ConsumerConfig($"{kafka.Options.GroupPrefix}.connectors.resolver.{Guid.NewGuid():N}", "commerce-connector-resolver");
            config.EnableAutoCommit = false;
            using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
            var from = (since - Slack).ToUnixTimeMilliseconds();
            var wanted = topics.SelectMany(t => Enumerable.Range(0, t.Partitions).Select(p => new TopicPartitionTimestamp(t.Name, p, new Timestamp(from, TimestampType.CreateTime)))).ToList();
            var starts = consumer.OffsetsForTimes(wanted, TimeSpan.FromSeconds(30));
            var ends = starts.ToDictionary(s => s.TopicPartition, s => consumer.QueryWatermarkOffsets(s.TopicPartition, TimeSpan.FromSeconds(30)).High.Value);
            // A broker that cannot look offsets up by time (librdkafka's mock cluster answers the end) is read from its start.
            var open = starts
                .Select(s => s.Offset.Value >= 0 && s.Offset.Value < ends[s.TopicPartition] ? s
                    : new TopicPartitionOffset(s.TopicPartition, consumer.QueryWatermarkOffsets(s.TopicPartition, TimeSpan.FromSeconds(30)).Low))
                .Where(s => s.Offset.Value < ends[s.TopicPartition])
                .ToList();
            if (open.Count == 0)
                return found;
            consumer.Assign(open);
            var remaining = open.Select(s => s.TopicPartition).ToHashSet();
            while (remaining.Count > 0 && found.Count < pending.Count)
            {
                ct.ThrowIfCancellationRequested();
                var record = consumer.Consume(TimeSpan.FromMilliseconds(200));
                if (record is null)
                    continue;
                if (record.Message?.Value is { } value && TryId(value) is { } id && pending.Contains(id))
                    found.Add(id);
                if (record.Offset.Value + 1 >= ends[record.TopicPartition])
                    remaining.Remove(record.TopicPartition);
            }
            consumer.Close();
            return found;
        }, ct);

    private static Guid? TryId(byte[] value)
    {
        try
        {
            return EnvelopeSerializer.Deserialize(value).Id;
        }
        catch (InvalidEventException)
        {
            return null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
