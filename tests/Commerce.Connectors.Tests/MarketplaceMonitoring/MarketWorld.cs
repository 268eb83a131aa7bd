using Commerce.Connectors.Http;
using Commerce.Connectors.Ingestion.Storage;
using Commerce.Connectors.MarketplaceMonitoring;
using Commerce.Connectors.MarketplaceMonitoring.Local;
using Commerce.Connectors.Tests.Support;
using Commerce.Events;
using Commerce.Events.Operations;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Commerce.Messaging.Producing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commerce.Connectors.Tests.MarketplaceMonitoring;

/// <summary>
/// The simulated marketplace served by Kestrel on a loopback port (REST and the Phoenix stream), read by the monitoring
/// connector in Live mode, with an embedded Kafka cluster and a SQLite file; connector hosts can be restarted over them.
/// Watched: "dragons-nft" (the platform's "dragons"); "someone-elses-art" is not the platform's.
/// </summary>
public sealed class MarketWorld : IAsyncDisposable
{
    public const string ApiKey = "test-key";
    public const string Slug = "dragons-nft";
    public const string Foreign = "someone-elses-art";

    private readonly string _directory = Directory.CreateTempSubdirectory("market-tests-").FullName;
    private LocalServer? _server;

    public LocalMarketplace Market { get; private set; } = null!;

    public KafkaConnection Kafka { get; } = new(Options.Create(new KafkaOptions { EmbeddedBrokers = 1 }));

    public static async Task<MarketWorld> StartAsync(TimeProvider? serverClock = null)
    {
        var world = new MarketWorld();
        var clock = serverClock ?? TimeProvider.System;
        world.Market = new LocalMarketplace(clock);
        world.Market.SetFloor(Slug, 0.05m);
        world.Market.SetFloor(Foreign, 9m);
        world._server = await LocalServer.StartAsync(0, app => LocalMarketplaceApi.Map(app, world.Market, ApiKey, clock), CancellationToken.None);
        return world;
    }

    public IHost Connector(TimeProvider? clock = null, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MarketplaceMonitoring:Mode"] = "Live",
            ["MarketplaceMonitoring:ApiUrl"] = _server!.Address.ToString(),
            ["MarketplaceMonitoring:StreamUrl"] = new UriBuilder(_server.Address) { Scheme = "ws", Path = "/socket/websocket" }.Uri.ToString(),
            ["MarketplaceMonitoring:ApiKey"] = ApiKey,
            [$"MarketplaceMonitoring:Collections:{Slug}"] = "dragons",
            ["MarketplaceMonitoring:PollInterval"] = "00:00:00.200",
            ["MarketplaceMonitoring:EventsPageSize"] = "50",
            ["MarketplaceMonitoring:AttemptTimeout"] = "00:00:05",
            ["MarketplaceMonitoring:Ingestion:MinBackoff"] = "00:00:00.050",
            ["MarketplaceMonitoring:Ingestion:MaxBackoff"] = "00:00:01",
            ["MarketplaceMonitoring:Ingestion:RequestsPerSecond"] = "1000",
            ["MarketplaceMonitoring:Ingestion:RequestBurst"] = "100",
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        if (clock is not null)
            builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(Kafka);
        builder.Services.AddSingleton<EventProducer>();
        builder.Services.AddSingleton<IConnectorDatabase>(new StandaloneConnectorDatabase(false, $"Data Source={Path.Combine(_directory, "c.db")}"));
        builder.Services.AddMarketplaceMonitoring(builder.Configuration);
        return builder.Build();
    }

    public IReadOnlyList<Events.Envelope.EventEnvelope> Market_() => TopicSnapshot.Read(Kafka.BootstrapServers, TopicCatalog.MarketEvents);

    public IReadOnlyList<T> Published<T>() where T : IEvent => Market_().Select(e => e.Payload).OfType<T>().ToList();

    public IReadOnlyList<DeadLettered> DeadLetters() =>
        TopicSnapshot.Read(Kafka.BootstrapServers, TopicCatalog.DeadLetters).Select(e => e.Payload).OfType<DeadLettered>().ToList();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        Kafka.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
