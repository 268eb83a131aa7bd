using Commerce.Connectors.Crm.Configuration;
using Commerce.Connectors.Crm.Sources;
using Commerce.Connectors.Ingestion;
using Commerce.Connectors.Ingestion.Storage;
using Commerce.Events.Topics;
using Commerce.Messaging.Producing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commerce.Connectors.Crm;

/// <summary>
/// The CRM/loyalty connector: its change source (backfill, then change events) through an ingestion pipeline into
/// commerce.player-events as LoyaltyUpdated, positions and published ids in the platform's database.
/// </summary>
public sealed class CrmConnector(
    IOptions<CrmOptions> options,
    CrmChangeSource source,
    ConnectorActorSystem actors,
    EventProducer producer,
    IConnectorDatabase database,
    PendingResolver resolver,
    TimeProvider clock,
    ILogger<CrmConnector> logger) : ConnectorService, IConnector
{
    public const string ConnectorName = "crm";

    public string Name => ConnectorName;

    public ConnectorMode Mode => options.Value.Mode;

    public IngestionCounters Counters { get; } = new(ConnectorName);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var ledger = new PublishLedger(database, ConnectorName, clock, PublishLedgerOptions.Default);
        var publisher = new IngestionPublisher(producer, ledger, Counters);
        var pipeline = new IngestionPipeline(actors, publisher, resolver, [TopicCatalog.PlayerEvents, TopicCatalog.DeadLetters], [source],
            options.Value.Ingestion, Counters, logger);
        await ConnectorRunner.RunAsync(pipeline, options.Value.Ingestion, Counters, clock, logger, stoppingToken, StopDeadline);
    }
}
