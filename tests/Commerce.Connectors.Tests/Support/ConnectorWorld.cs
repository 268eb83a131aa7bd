using Commerce.Connectors.Http;
using Commerce.Connectors.Ingestion.Storage;
using Commerce.Events.Operations;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;
using Commerce.Messaging.Producing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commerce.Connectors.Tests.Support;

/// <summary>
/// What an ingestion connector test runs against: a local simulation served by Kestrel on a loopback port (read by the
/// connector in Live mode, as it would the real service), an embedded Kafka cluster and a SQLite file for the ledger.
/// Connector hosts can be built, started and stopped over the same server, Kafka and database (a restart).
/// </summary>
public sealed class ConnectorWorld : IAsyncDisposable
{
    private readonly string _name;
    private readonly string _directory;
    private readonly LocalServer _server;
    private readonly List<ConnectorHost> _hosts = [];

    private ConnectorWorld(string name, string directory, LocalServer server)
    {
        _name = name;
        _directory = directory;
        _server = server;
    }

    public KafkaConnection Kafka { get; } = new(Options.Create(new KafkaOptions { EmbeddedBrokers = 1 }));

    public Uri Address => _server.Address;

    public string DatabaseFile => Path.Combine(_directory, "connectors.db");

    public static async Task<ConnectorWorld> StartAsync(string name, Action<IEndpointRouteBuilder> map)
    {
        var directory = Directory.CreateTempSubdirectory($"{name}-tests-").FullName;
        LocalServer? server = null;
        await StepDeadline.Within(async () => server = await LocalServer.StartAsync(0, map, CancellationToken.None), $"the {name} world: starting the local server");
        return new ConnectorWorld(name, directory, server!);
    }

    /// <summary>
    /// A connector host (not started): <paramref name="settings"/> over <paramref name="defaults"/>; <paramref name="clock"/>
    /// drives the waits when given. The world disposes it, if the test did not, before the server and Kafka.
    /// </summary>
    public ConnectorHost Connector(IDictionary<string, string?> defaults, TimeProvider? clock, IDictionary<string, string?>? settings,
        Action<IServiceCollection, IConfiguration> addConnector)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(defaults);
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        if (clock is not null)
            builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(Kafka);
        builder.Services.AddSingleton<EventProducer>();
        builder.Services.AddSingleton<IConnectorDatabase>(new StandaloneConnectorDatabase(false, $"Data Source={DatabaseFile}"));
        addConnector(builder.Services, builder.Configuration);
        var host = new ConnectorHost(builder.Build(), $"the {_name} connector host #{_hosts.Count + 1}");
        _hosts.Add(host);
        return host;
    }

    public IReadOnlyList<DeadLettered> DeadLetters() =>
        TopicSnapshot.Read(Kafka.BootstrapServers, TopicCatalog.DeadLetters).Select(e => e.Payload).OfType<DeadLettered>().ToList();

    /// <summary>Each step with a deadline that names it: the hosts (stopped first if still running), the server, Kafka.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var host in _hosts)
                await host.DisposeAsync();
        }
        finally
        {
            await StepDeadline.Within(() => _server.DisposeAsync().AsTask(), $"the {_name} world: stopping the local server");
            await StepDeadline.Within(Kafka.Dispose, $"the {_name} world: destroying the embedded Kafka cluster");
        }
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
