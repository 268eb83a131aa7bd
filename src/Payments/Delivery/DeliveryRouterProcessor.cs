using Commerce.Events.Chain;
using Commerce.Events.Envelope;
using Commerce.Events.Operations;
using Commerce.Events.Topics;
using Commerce.Messaging.Producing;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Commerce.Payments.Delivery;

/// <summary>
/// One partition of commerce.chain-transactions: every lifecycle event of an order's command is published to
/// commerce.order-events as DeliveryUpdated (key: the order id), and of a custody account's withdrawal to
/// commerce.custody-events as WithdrawalUpdated (key: the wallet), before the batch returns, so its offsets are
/// committed only after the order topic has the records (at least once; the ids make repeats harmless).
/// A record that cannot be read goes to the dead letters, never silently away.
/// </summary>
internal sealed partial class DeliveryRouterProcessor(EventProducer producer, ILogger logger) : Messaging.Consuming.IPartitionProcessor
{
    public const string ConsumerName = "delivery-router";

    public async Task ProcessAsync(IReadOnlyList<ConsumeResult<string, byte[]>> batch, CancellationToken ct)
    {
        var sends = new List<Task>();
        foreach (var record in batch)
        {
            EventEnvelope envelope;
            try
            {
                envelope = EnvelopeSerializer.Deserialize(record.Message.Value);
            }
            catch (InvalidEventException ex)
            {
                LogUnreadable(record.Topic, record.Partition.Value, record.Offset.Value, ex.Message);
                var dead = new DeadLettered(record.Topic, record.Partition.Value, record.Offset.Value, ConsumerName, ex.Message, 1,
                    Convert.ToBase64String(record.Message.Value ?? []));
                sends.Add(producer.PublishAsync(TopicCatalog.DeadLetters, EventEnvelope.Create(record.Message.Key ?? "", dead, DateTimeOffset.UtcNow), ct));
                continue;
            }
            if (envelope.Payload is not ChainTransactionUpdated update)
                continue;
            if (WithdrawalMapping.Map(update) is { } withdrawal)
            {
                sends.Add(producer.PublishAsync(TopicCatalog.CustodyEvents, EventEnvelope.Create(withdrawal.Wallet, withdrawal, update.At,
                    correlationId: envelope.CorrelationId ?? update.CommandId, id: DeliveryMapping.EventId(envelope.Id)), ct));
                continue;
            }
            if (DeliveryMapping.Map(update) is not { } delivery)
                continue;
            var routed = EventEnvelope.Create(delivery.OrderId, delivery, update.At, correlationId: envelope.CorrelationId ?? update.CommandId,
                id: DeliveryMapping.EventId(envelope.Id));
            sends.Add(producer.PublishAsync(TopicCatalog.OrderEvents, routed, ct));
        }
        await Task.WhenAll(sends);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "Unreadable record {Topic}[{Partition}]@{Offset} dead-lettered: {Error}")]
    private partial void LogUnreadable(string topic, int partition, long offset, string error);
}
