using Commerce.Events.Envelope;
using Commerce.Events.Orders;
using Commerce.Events.Topics;
using Confluent.Kafka;

namespace Commerce.Host.Reconcile;

/// <summary>Reads the order-events topic from its beginning to its current end, with a consumer of its own (no group offsets are committed).</summary>
public static class OrderTopicReader
{
    public static IReadOnlyDictionary<string, TopicOrder> Read(string bootstrapServers, TimeSpan timeout)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"commerce-reconcile-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
        };
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        var topic = TopicCatalog.OrderEvents.Name;
        var ends = new Dictionary<int, long>();
        for (var p = 0; p < TopicCatalog.OrderEvents.Partitions; p++)
        {
            var marks = consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), timeout);
            if (marks.High.Value > marks.Low.Value)
                ends[p] = marks.High.Value;
        }
        var placed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var payments = new Dictionary<string, List<(string, string)>>(StringComparer.OrdinalIgnoreCase);
        if (ends.Count > 0)
        {
            consumer.Assign(ends.Keys.Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
            var open = new HashSet<int>(ends.Keys);
            var deadline = DateTime.UtcNow + timeout;
            while (open.Count > 0)
            {
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"{topic}: partitions {string.Join(",", open)} not read to their end within {timeout}");
                var record = consumer.Consume(TimeSpan.FromMilliseconds(200));
                if (record is null)
                    continue;
                if (record.Offset.Value + 1 >= ends[record.Partition.Value])
                    open.Remove(record.Partition.Value);
                EventEnvelope envelope;
                try
                {
                    envelope = EnvelopeSerializer.Deserialize(record.Message.Value);
                }
                catch (InvalidEventException)
                {
                    continue; // dead-lettered by the grains as well; not an order fact
                }
                switch (envelope.Payload)
                {
                    case OrderPlaced e:
                        placed.Add(e.OrderId);
                        break;
                    case PaymentObserved { Confirmed: true, Reorged: false } e:
                        (payments.TryGetValue(e.OrderId, out var list) ? list : payments[e.OrderId] = []).Add((e.Kind, e.TransactionHash));
                        break;
                }
            }
        }
        return placed.Concat(payments.Keys).Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(
            id => id,
            id => new TopicOrder(id, placed.Contains(id), payments.TryGetValue(id, out var list) ? list : []),
            StringComparer.OrdinalIgnoreCase);
    }
}
