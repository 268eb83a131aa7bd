using Commerce.Connectors.Crm;
using Commerce.Connectors.Crm.Configuration;
using Commerce.Connectors.Crm.Local;
using Commerce.Connectors.Http;
using Commerce.Connectors.Ingestion.Storage;
using Commerce.Connectors.Tests.Support;
using Commerce.Events.Envelope;
using Commerce.Events.Operations;
using Commerce.Events.Player;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Commerce.Messaging.Producing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commerce.Connectors.Tests.Crm;

/// <summary>
/// What a CRM connector test runs against: the local CRM served by Kestrel on a loopback port (the connector reads it
/// in Live mode, as it would a real org), an embedded Kafka cluster and a SQLite file for the connector's positions.
/// Connector hosts can be started and stopped over the same CRM, Kafka and database (a restart).
/// </summary>
public sealed class CrmWorld : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("crm-tests-").FullName;
    private LocalServer? _server;

    public CrmOptions CrmOptions { get; } = new()
    {
        Mode = Commerce.Connectors.Ingestion.ConnectorMode.Live,
        QueryBatchSize = 200,
        Local = new LocalCrmOptions { LongPollHold = TimeSpan.FromMilliseconds(500) },
    };

    public LocalCrm Crm { get; private set; } = null!;

    public KafkaConnection Kafka { get; } = new(Options.Create(new KafkaOptions { EmbeddedBrokers = 1 }));

    public string DatabaseFile => Path.Combine(_directory, "connectors.db");

    public Uri Address => _server!.Address;

    public static async Task<CrmWorld> StartAsync()
    {
        var world = new CrmWorld();
        world.Crm = new LocalCrm(world.CrmOptions, TimeProvider.System);
        world._server = await LocalServer.StartAsync(0, app => LocalCrmApi.Map(app, world.Crm), CancellationToken.None);
        return world;
    }

    /// <summary>A connector host (not started) reading this CRM; <paramref name="clock"/> drives the HTTP waits when given.</summary>
    public IHost Connector(TimeProvider? clock = null, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Crm:Mode"] = "Live",
            ["Crm:LoginUrl"] = Address.ToString(),
            ["Crm:InstanceUrl"] = Address.ToString(),
            ["Crm:ClientId"] = CrmOptions.Local.ClientId,
            ["Crm:ClientSecret"] = CrmOptions.Local.ClientSecret,
            ["Crm:QueryBatchSize"] = "200",
            ["Crm:AttemptTimeout"] = "00:00:10",
            ["Crm:LongPollTimeout"] = "00:00:20",
            ["Crm:Ingestion:MinBackoff"] = "00:00:00.050",
            ["Crm:Ingestion:MaxBackoff"] = "00:00:01",
            ["Crm:Ingestion:RequestsPerSecond"] = "1000",
            ["Crm:Ingestion:RequestBurst"] = "100",
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        if (clock is not null)
            builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(Kafka);
        builder.Services.AddSingleton<EventProducer>();
        builder.Services.AddSingleton<IConnectorDatabase>(new StandaloneConnectorDatabase(false, $"Data Source={DatabaseFile}"));
        builder.Services.AddCrmConnector(builder.Configuration);
        return builder.Build();
    }

    public IReadOnlyList<EventEnvelope> Loyalty() =>
        TopicSnapshot.Read(Kafka.BootstrapServers, TopicCatalog.PlayerEvents).Where(e => e.Payload is LoyaltyUpdated).ToList();

    public IReadOnlyList<DeadLettered> DeadLetters() =>
        TopicSnapshot.Read(Kafka.BootstrapServers, TopicCatalog.DeadLetters).Select(e => e.Payload).OfType<DeadLettered>().ToList();

    /// <summary>The latest loyalty published for <paramref name="wallet"/> (by offset order within its partition).</summary>
    public LoyaltyUpdated? LatestFor(string wallet) =>
        Loyalty().Where(e => e.Key == wallet).Select(e => (LoyaltyUpdated)e.Payload).LastOrDefault();

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

    public static string Wallet(int n) => "0x" + n.ToString("x40");
}
