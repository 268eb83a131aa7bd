using Commerce.Actors.Clustering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Commerce.Host.Tests.Failover;

/// <summary>
/// Where the cluster's grains live, asked of Orleans' management grain through a client of the cluster (it finds the
/// gateways in the membership table, as any client would). A silo is named by its port, which the test chose.
/// </summary>
internal sealed class SiloMap : IAsyncDisposable
{
    private readonly IHost _client;

    private SiloMap(IHost client) => _client = client;

    private IManagementGrain Management => _client.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);

    public static async Task<SiloMap> ConnectAsync(string connectionString)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("commerce", "commerce"))
            // A call to a silo that was just killed fails fast, so the caller can ask again.
            .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5))
            .UseAdoNetClustering(o =>
            {
                o.Invariant = ClusteringSiloBuilderExtensions.PostgresInvariant;
                o.ConnectionString = connectionString;
            }));
        var host = builder.Build();
        await host.StartAsync();
        return new SiloMap(host);
    }

    /// <summary>The silos the cluster counts as active, by port.</summary>
    public async Task<IReadOnlySet<int>> ActiveSiloPortsAsync() =>
        (await Management.GetHosts(onlyActive: true)).Keys.Select(s => s.Endpoint.Port).ToHashSet();

    /// <summary>The grains active on the silo listening on <paramref name="siloPort"/>: grain type -> keys.</summary>
    public async Task<IReadOnlyDictionary<string, HashSet<string>>> GrainsOnAsync(int siloPort)
    {
        var silo = (await Management.GetHosts(onlyActive: true)).Keys.FirstOrDefault(s => s.Endpoint.Port == siloPort)
            ?? throw new InvalidOperationException($"no active silo listens on port {siloPort}");
        var grains = await Management.GetDetailedGrainStatistics(null, [silo]);
        return grains
            .GroupBy(g => g.GrainId.Type.ToString()!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(s => s.GrainId.Key.ToString()!).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _client.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // a gateway that died with the killed host may hold up the goodbye; the client is gone either way
        }
        _client.Dispose();
    }
}
