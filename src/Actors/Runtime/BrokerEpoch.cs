using Commerce.Events.Envelope;
using Commerce.Events.Operations;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Commerce.Messaging.Producing;
using Confluent.Kafka;

namespace Commerce.Actors.Runtime;

/// <summary>
/// Names the broker incarnation whose offsets the store holds. It is the first record of the
/// epoch topic: the first instance to find that topic empty writes a fresh id, and every instance
/// reads offset 0, so all agree. An embedded cluster starts empty, so each start is a new epoch
/// and offsets stored against a forgotten log are never used.
/// </summary>
public sealed class BrokerEpoch(KafkaConnection connection, EventProducer producer)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _epoch;

    public async Task<string> GetAsync(CancellationToken ct)
    {
        if (_epoch is not null)
            return _epoch;
        await _gate.WaitAsync(ct);
        try
        {
            _epoch ??= ReadFirst(TimeSpan.FromMilliseconds(500)) ?? await CreateAsync(ct);
            return _epoch;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string> CreateAsync(CancellationToken ct)
    {
        await producer.PublishAsync(TopicCatalog.BrokerEpoch, "epoch", new BrokerEpochStarted(Guid.NewGuid().ToString("N")), ct: ct);
        return ReadFirst(TimeSpan.FromSeconds(30)) ?? throw new InvalidOperationException("the broker epoch record was written but cannot be read back");
    }

    private string? ReadFirst(TimeSpan timeout)
    {
        var config = connection.ConsumerConfig($"{connection.Options.GroupPrefix}.epoch-reader", $"epoch-reader-{Environment.ProcessId}");
        config.EnableAutoCommit = false;
        config.EnablePartitionEof = true;
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        consumer.Assign(new TopicPartitionOffset(TopicCatalog.BrokerEpoch.Name, 0, Offset.Beginning));
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var record = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (record is null)
                continue;
            if (record.IsPartitionEOF)
                return null;
            return EnvelopeSerializer.Deserialize(record.Message.Value).Payload is BrokerEpochStarted started
                ? started.Epoch
                : throw new InvalidOperationException($"{TopicCatalog.BrokerEpoch.Name} holds something other than an epoch");
        }
        return null;
    }
}
