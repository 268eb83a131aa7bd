using Commerce.Connectors.Crm;
using Commerce.Connectors.Crm.Configuration;
using Commerce.Connectors.Crm.Local;
using Commerce.Connectors.Tests.Support;
using Commerce.Events.Envelope;
using Commerce.Events.Operations;
using Commerce.Events.Player;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Connectors.Tests.Crm;

/// <summary>
/// The local CRM served on a loopback port (<see cref="ConnectorWorld"/>), read by CRM connector hosts in Live mode, as
/// they would read a real org; hosts can be started and stopped over the same CRM, Kafka and database (a restart).
/// </summary>
public sealed class CrmWorld : IAsyncDisposable
{
    private ConnectorWorld _world = null!;

    public CrmOptions CrmOptions { get; } = new()
    {
        Mode = Commerce.Connectors.Ingestion.ConnectorMode.Live,
        QueryBatchSize = 200,
        Local = new LocalCrmOptions { LongPollHold = TimeSpan.FromMilliseconds(500) },
    };

    public LocalCrm Crm { get; private set; } = null!;

    public KafkaConnection Kafka => _world.Kafka;

    public string DatabaseFile => _world.DatabaseFile;

    public Uri Address => _world.Address;

    public static async Task<CrmWorld> StartAsync()
    {
        var world = new CrmWorld();
        world.Crm = new LocalCrm(world.CrmOptions, TimeProvider.System);
        world._world = await ConnectorWorld.StartAsync("crm", app => LocalCrmApi.Map(app, world.Crm));
        return world;
    }

    /// <summary>
    /// A connector host (not started) reading this CRM; <paramref name="clock"/> drives the HTTP waits when given;
    /// <paramref name="configure"/> adds to its services after the connector's.
    /// </summary>
    public ConnectorHost Connector(TimeProvider? clock = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null) =>
        _world.Connector(new Dictionary<string, string?>
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
        }, clock, settings, (services, configuration) =>
        {
            services.AddCrmConnector(configuration);
            configure?.Invoke(services);
        });

    public IReadOnlyList<EventEnvelope> Loyalty() =>
        TopicSnapshot.Read(Kafka.BootstrapServers, TopicCatalog.PlayerEvents).Where(e => e.Payload is LoyaltyUpdated).ToList();

    public IReadOnlyList<DeadLettered> DeadLetters() => _world.DeadLetters();

    /// <summary>The latest loyalty published for <paramref name="wallet"/> (by offset order within its partition).</summary>
    public LoyaltyUpdated? LatestFor(string wallet) =>
        Loyalty().Where(e => e.Key == wallet).Select(e => (LoyaltyUpdated)e.Payload).LastOrDefault();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    public static string Wallet(int n) => "0x" + n.ToString("x40");
}
