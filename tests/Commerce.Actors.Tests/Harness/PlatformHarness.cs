using System.Text.Json;
using Commerce.Actors.Runtime;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;
using Commerce.Messaging.Configuration;
using Commerce.Messaging.Producing;
using Commerce.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Commerce.Actors.Tests.Harness;

/// <summary>
/// The grain platform as the host runs it: a generic host with <see cref="GrainPlatformHostingExtensions.AddGrainPlatform"/>
/// (the Orleans silo, the store, the Kafka ingress and the outbox relay), on a given database, against the embedded
/// Kafka cluster (no bootstrap servers: the host starts its own) or a given one (a cluster the test owns, so that a
/// second host can take over from a first). Tests publish to the topics and read the grains' state as stored.
/// </summary>
public sealed class PlatformHarness : IAsyncDisposable
{
    /// <summary>How long a test waits for the platform to do something before it fails.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly IHost _host;
    private int _stopped;

    private PlatformHarness(IHost host, HostLog log)
    {
        _host = host;
        Log = log;
    }

    public IServiceProvider Services => _host.Services;

    public IGrainStore Store => Services.GetRequiredService<IGrainStore>();

    public EventProducer Producer => Services.GetRequiredService<EventProducer>();

    public KafkaConnection Kafka => Services.GetRequiredService<KafkaConnection>();

    public string BootstrapServers => Kafka.BootstrapServers;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public OutboxRelay OutboxRelay => Services.GetRequiredService<OutboxRelay>();

    /// <summary>The platform's warnings and errors.</summary>
    public HostLog Log { get; }

    /// <param name="bootstrapServers">A Kafka cluster to use; null: the host's own embedded cluster.</param>
    /// <param name="settings">More configuration (they win over the harness's).</param>
    public static async Task<PlatformHarness> StartAsync(PlatformDatabase database, string? bootstrapServers = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = bootstrapServers,
            ["Kafka:SessionTimeoutMs"] = "6000",
            ["Store:Provider"] = database.Provider,
            ["Store:ConnectionString"] = database.ConnectionString,
            // Tests run side by side: each silo takes free ports.
            ["Cluster:SiloPort"] = "0",
            ["Cluster:GatewayPort"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            configuration[key] = value;
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(configuration);
        var log = new HostLog();
        // The platform's own lines from Debug up (its consumer groups' assignments, what librdkafka complains of), the
        // libraries' warnings.
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning).AddFilter("Commerce", LogLevel.Debug).AddProvider(log);
        builder.AddGrainPlatform();
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch (Exception ex)
        {
            try
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await host.StopAsync(stop.Token);
            }
            catch (Exception)
            {
                // What failed the start is what the test reports.
            }
            await DisposeHostAsync(host);
            throw new InvalidOperationException($"the platform did not start: {ex.Message}; {log.Tail()}", ex);
        }
        return new PlatformHarness(host, log);
    }

    /// <summary>The stored state of a grain, or null when none was stored.</summary>
    public async Task<TState?> StateAsync<TState>(string grainType, string key) where TState : class
    {
        var stored = await Store.LoadStateAsync(grainType, key, CancellationToken.None);
        return stored is null ? null : (TState?)JsonSerializer.Deserialize(stored.Json, GrainJsonContext.Default.GetTypeInfo(typeof(TState))!);
    }

    /// <summary>Waits until the stored state of a grain satisfies <paramref name="condition"/>; fails saying what was <paramref name="expected"/>.</summary>
    public async Task<TState> WaitForStateAsync<TState>(string grainType, string key, Func<TState, bool> condition, string expected)
        where TState : class
    {
        TState? last = null;
        await Eventually.Until(async () =>
        {
            last = await StateAsync<TState>(grainType, key);
            return last is not null && condition(last);
        }, Deadline, () => $"{grainType} {key}: {expected}; last stored: "
            + $"{(last is null ? "none" : JsonSerializer.Serialize(last, GrainJsonContext.Default.GetTypeInfo(typeof(TState))!))}; {Log.Tail()}");
        return last!;
    }

    /// <summary>Waits for <paramref name="condition"/> (something else of the platform); fails saying what was <paramref name="expected"/>.</summary>
    public Task WaitForAsync(Func<Task<bool>> condition, string expected) =>
        Eventually.Until(condition, Deadline, () => $"{expected}; {Log.Tail()}");

    /// <summary>Stops the host as a deployment does (the ingress finishes its batches and commits, the silo leaves).</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
            await _host.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await DisposeHostAsync(_host);
    }

    private static async Task DisposeHostAsync(IHost host)
    {
        if (host is IAsyncDisposable disposable)
            await disposable.DisposeAsync();
        else
            host.Dispose();
    }
}
