using Commerce.Connectors.Ingestion;
using Commerce.Connectors.Ingestion.Storage;
using Commerce.Connectors.MarketplaceMonitoring.Configuration;
using Commerce.Connectors.MarketplaceMonitoring.Sources;
using Commerce.Events.Topics;
using Commerce.Messaging.Producing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commerce.Connectors.MarketplaceMonitoring;

/// <summary>
/// The marketplace monitoring connector: the REST poll and the stream merged into one ingestion pipeline into
/// commerce.market-events (FloorPriceChanged, SaleRecorded, BidPlaced) for the platform's own collections; one ledger,
/// so a fact seen on both ways is published once.
/// </summary>
public sealed class MarketplaceMonitor(
    IOptions<MarketplaceMonitoringOptions> options,
    RestPollSource rest,
    PhoenixStreamSource stream,
    ConnectorActorSystem actors,
    EventProducer producer,
    IConnectorDatabase database,
    PendingResolver resolver,
    TimeProvider clock,
    ILogger<MarketplaceMonitor> logger) : ConnectorService, IConnector
{
    public string Name => options.Value.Marketplace;

    public ConnectorMode Mode => options.Value.Mode;

    public IngestionCounters Counters { get; } = new(options.Value.Marketplace);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var o = options.Value;
        var ledger = new PublishLedger(database, o.Marketplace, clock, PublishLedgerOptions.Default);
        var publisher = new IngestionPublisher(producer, ledger, Counters);
        IIngestSource[] sources = o.Stream ? [rest, stream] : [rest];
        var pipeline = new IngestionPipeline(actors, publisher, resolver, [TopicCatalog.MarketEvents, TopicCatalog.DeadLetters], sources, o.Ingestion, Counters, logger);
        await ConnectorRunner.RunAsync(pipeline, o.Ingestion, Counters, clock, logger, stoppingToken, StopDeadline);
    }
}
