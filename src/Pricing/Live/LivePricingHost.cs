using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Commerce.Messaging.Consuming;
using Commerce.Messaging.Producing;
using Commerce.Pricing.Signing;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Commerce.Pricing.Live;

/// <summary>
/// Runs the pricing consumer group ("{prefix}.pricing") over the input topics: player events (interest, loyalty,
/// chat intents), item events (listings), market events (bids, floor, sales, supply) and campaign events.
/// </summary>
public sealed partial class LivePricingHost(
    KafkaConnection connection,
    LivePricingEngine engine,
    Eip712QuoteSigner signer,
    EventProducer producer,
    IOfferRecipient recipient,
    TimeProvider clock,
    ILogger<LivePricingHost> logger) : BackgroundService
{
    public static IReadOnlyList<TopicDefinition> InputTopics { get; } =
        [TopicCatalog.PlayerEvents, TopicCatalog.ItemEvents, TopicCatalog.MarketEvents, TopicCatalog.CampaignEvents];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var groupId = connection.GroupId("pricing");
        using var offsets = new ConsumerBuilder<string, byte[]>(connection.ConsumerConfig(groupId, $"{groupId}-offsets-{Environment.ProcessId}")).Build();
        var factory = new PricingProcessorFactory(engine, signer, producer, recipient, clock, offsets, logger);
        var consumer = new PartitionedConsumer(connection, groupId, [.. InputTopics.Select(t => t.Name)], factory, logger, new PricingInputDeserializer());
        LogStarting(engine.Policy.Version, signer.Address.ToString(), signer.Domain.VerifyingContract.ToString(), (long)signer.Domain.ChainId);
        await consumer.RunAsync(stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Live pricing: policy {Version}, quotes signed by {Signer} for checkout {Checkout} on chain {ChainId}")]
    private partial void LogStarting(string version, string signer, string checkout, long chainId);
}
