using Commerce.Events;
using Commerce.Events.Envelope;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Confluent.Kafka;

namespace Commerce.Messaging.Producing;

/// <summary>
/// The process's one idempotent producer. Every record's key is its entity id and its value an
/// <see cref="EventEnvelope"/>; a payload that its topic does not carry is refused before it is sent.
/// </summary>
public sealed class EventProducer : IDisposable
{
    private readonly IProducer<string, byte[]> _producer;

    public EventProducer(KafkaConnection connection)
    {
        _producer = new ProducerBuilder<string, byte[]>(connection.ProducerConfig($"commerce-producer-{Environment.ProcessId}")).Build();
    }

    public async Task<DeliveryResult<string, byte[]>> PublishAsync(TopicDefinition topic, EventEnvelope envelope, CancellationToken ct = default)
    {
        EnsureCarried(topic, envelope.Payload);
        return await _producer.ProduceAsync(topic.Name, new Message<string, byte[]> { Key = envelope.Key, Value = EnvelopeSerializer.Serialize(envelope) }, ct);
    }

    public Task<DeliveryResult<string, byte[]>> PublishAsync(TopicDefinition topic, string key, IEvent payload, string? correlationId = null, CancellationToken ct = default) =>
        PublishAsync(topic, EventEnvelope.Create(key, payload, DateTimeOffset.UtcNow, correlationId), ct);

    /// <summary>Sends already-serialized records (the outbox relay); the handler sees each delivery report.</summary>
    public void Produce(string topic, string key, byte[] value, Action<DeliveryReport<string, byte[]>> onDelivered) =>
        _producer.Produce(topic, new Message<string, byte[]> { Key = key, Value = value }, onDelivered);

    public void Flush(TimeSpan timeout) => _producer.Flush(timeout);

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(10));
        _producer.Dispose();
    }

    private static void EnsureCarried(TopicDefinition topic, IEvent payload)
    {
        if (!topic.Carries(payload.GetType()))
            throw new ArgumentException($"topic {topic.Name} does not carry {payload.GetType().Name}", nameof(payload));
    }
}
