using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Commerce.Messaging.Consuming;
using Commerce.Messaging.Producing;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Commerce.Payments.Delivery;

/// <summary>
/// Routes the transaction executor's lifecycle events (commerce.chain-transactions, key command id) of commands
/// named "order:&lt;order id&gt;:..." to their order as DeliveryUpdated on commerce.order-events (key order id).
/// Stateless: a consumer group ("&lt;prefix&gt;.payments.delivery-router") whose offsets are committed only after
/// the routed records are acknowledged; any number of instances share the partitions.
/// </summary>
public sealed class DeliveryRouter(KafkaConnection connection, EventProducer producer, ILoggerFactory loggers) : BackgroundService, IPartitionProcessorFactory
{
    private readonly ILogger _logger = loggers.CreateLogger<DeliveryRouter>();
    private PartitionedConsumer? _consumer;

    public string ConsumerGroup => connection.GroupId("payments.delivery-router");

    /// <summary>The partitions this instance routes now.</summary>
    public int AssignedPartitions => _consumer?.Assignment.Count ?? 0;

    public Task<PartitionStart> OpenAsync(TopicPartition partition, CancellationToken ct) =>
        Task.FromResult(new PartitionStart(new DeliveryRouterProcessor(producer, _logger), Offset.Unset));

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _consumer = new PartitionedConsumer(connection, ConsumerGroup, [TopicCatalog.ChainTransactions.Name], this, _logger);
        return _consumer.RunAsync(stoppingToken);
    }
}
