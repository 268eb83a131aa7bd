using Commerce.Connectors.MarketplaceMonitoring;
using Commerce.Connectors.MarketplaceMonitoring.Local;
using Commerce.Connectors.Tests.Support;
using Commerce.Events;
using Commerce.Events.Operations;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;

namespace Commerce.Connectors.Tests.MarketplaceMonitoring;

/// <summary>
/// The simulated marketplace served on a loopback port (REST and the Phoenix stream; <see cref="ConnectorWorld"/>), read
/// by monitoring connector hosts in Live mode; hosts can be restarted over the same marketplace, Kafka and database.
/// Watched: "dragons-nft" (the platform's "dragons"); "someone-elses-art" is not the platform's.
/// </summary>
public sealed class MarketWorld : IAsyncDisposable
{
    public const string ApiKey = "test-key";
    public const string Slug = "dragons-nft";
    public const string Foreign = "someone-elses-art";

    private ConnectorWorld _world = null!;

    public LocalMarketplace Market { get; private set; } = null!;

    public KafkaConnection Kafka => _world.Kafka;

    public static async Task<MarketWorld> StartAsync(TimeProvider? serverClock = null)
    {
        var world = new MarketWorld();
        var clock = serverClock ?? TimeProvider.System;
        world.Market = new LocalMarketplace(clock);
        world.Market.SetFloor(Slug, 0.05m);
        world.Market.SetFloor(Foreign, 9m);
        world._world = await ConnectorWorld.StartAsync("market", app => LocalMarketplaceApi.Map(app, world.Market, ApiKey, clock));
        return world;
    }

    public ConnectorHost Connector(TimeProvider? clock = null, IDictionary<string, string?>? settings = null) =>
        _world.Connector(new Dictionary<string, string?>
        {
            ["MarketplaceMonitoring:Mode"] = "Live",
            ["MarketplaceMonitoring:ApiUrl"] = _world.Address.ToString(),
            ["MarketplaceMonitoring:StreamUrl"] = new UriBuilder(_world.Address) { Scheme = "ws", Path = "/socket/websocket" }.Uri.ToString(),
            ["MarketplaceMonitoring:ApiKey"] = ApiKey,
            [$"MarketplaceMonitoring:Collections:{Slug}"] = "dragons",
            ["MarketplaceMonitoring:PollInterval"] = "00:00:00.200",
            ["MarketplaceMonitoring:EventsPageSize"] = "50",
            ["MarketplaceMonitoring:AttemptTimeout"] = "00:00:05",
            ["MarketplaceMonitoring:Ingestion:MinBackoff"] = "00:00:00.050",
            ["MarketplaceMonitoring:Ingestion:MaxBackoff"] = "00:00:01",
            ["MarketplaceMonitoring:Ingestion:RequestsPerSecond"] = "1000",
            ["MarketplaceMonitoring:Ingestion:RequestBurst"] = "100",
        }, clock, settings, (services, configuration) => services.AddMarketplaceMonitoring(configuration));

    public IReadOnlyList<Events.Envelope.EventEnvelope> Market_() => TopicSnapshot.Read(Kafka.BootstrapServers, TopicCatalog.MarketEvents);

    public IReadOnlyList<T> Published<T>() where T : IEvent => Market_().Select(e => e.Payload).OfType<T>().ToList();

    public IReadOnlyList<DeadLettered> DeadLetters() => _world.DeadLetters();

    public ValueTask DisposeAsync() => _world.DisposeAsync();
}
