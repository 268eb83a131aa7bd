using Commerce.Connectors.Webhooks.Sending;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Commerce.Messaging.Consuming;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Commerce.Connectors.Marketplaces.Callbacks;

/// <summary>
/// Tells the marketplaces of every item one of our orders delivered (step 6 of the flow: the NFT minted or transferred
/// and confirmed): a consumer group ("&lt;prefix&gt;.connectors.sale-callbacks") over commerce.item-events that sends each
/// <c>ItemSold</c> as a Standard Webhooks callback to every marketplace with a <c>CallbackUrl</c>, committing its
/// offsets only past delivered callbacks (at least once; the webhook id is the receiver's idempotency key). Idle when
/// no marketplace has a callback URL. Any number of instances share the partitions.
/// </summary>
public sealed class SaleCallbackRelay(
    KafkaConnection connection,
    MarketplaceDirectory directory,
    IWebhookSender sender,
    SaleCallbackCounters counters,
    ILoggerFactory loggers) : BackgroundService, IPartitionProcessorFactory
{
    private readonly ILogger _logger = loggers.CreateLogger<SaleCallbackRelay>();
    private PartitionedConsumer? _consumer;

    public string ConsumerGroup => connection.GroupId("connectors.sale-callbacks");

    /// <summary>The marketplaces that receive callbacks, in name order.</summary>
    public IReadOnlyList<Marketplace> Recipients { get; } = directory.All
        .Where(m => m.Callback is not null)
        .OrderBy(m => m.Name, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The partitions this instance relays now.</summary>
    public int AssignedPartitions => _consumer?.Assignment.Count ?? 0;

    public Task<PartitionStart> OpenAsync(TopicPartition partition, CancellationToken ct) =>
        Task.FromResult(new PartitionStart(new SaleCallbackProcessor(Recipients, sender, counters, _logger), Offset.Unset));

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Recipients.Count == 0)
            return Task.CompletedTask;
        _consumer = new PartitionedConsumer(connection, ConsumerGroup, [TopicCatalog.ItemEvents.Name], this, _logger);
        return _consumer.RunAsync(stoppingToken);
    }
}
