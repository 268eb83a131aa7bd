using System.Net;
using Commerce.Actors.Clustering;
using Commerce.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Commerce.Actors.Tests.Clustering;

/// <summary>One silo in a generic host, configured the way the platform does it (UseCommerceClustering).</summary>
internal sealed class ClusterSilo(IHost host, TcpRelay? databaseRelay, TcpRelay? siloRelay) : IAsyncDisposable
{
    public IServiceProvider Services => host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public string Address => Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString();

    /// <summary>The silos this one currently sees as active.</summary>
    public int ActiveSilos => Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values
        .Count(m => m.Status == SiloStatus.Active);

    /// <summary>How this silo sees the silo at <paramref name="address"/>.</summary>
    public SiloStatus StatusOf(string address) =>
        Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.GetSiloStatus(SiloAddress.FromParsableString(address));

    /// <summary>
    /// Starts a silo from <paramref name="settings"/>. An <paramref name="isolatable"/> one reaches PostgreSQL, and
    /// is reached by the other silos, through relays that <see cref="Isolate"/> and
    /// <see cref="RefuseSiloConnections"/> cut.
    /// </summary>
    public static async Task<ClusterSilo> StartAsync(IDictionary<string, string?> settings, bool isolatable = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        TcpRelay? databaseRelay = null, siloRelay = null;
        var listenPort = 0;
        if (isolatable)
        {
            var database = new NpgsqlConnectionStringBuilder(builder.Configuration["Store:ConnectionString"]);
            databaseRelay = new TcpRelay(database.Port);
            (database.Host, database.Port) = ("127.0.0.1", databaseRelay.Port);
            builder.Configuration["Store:ConnectionString"] = database.ConnectionString;
            // The silo listens on listenPort but advertises the relay's port: the others reach it through the relay.
            listenPort = FreePort.Next();
            siloRelay = new TcpRelay(listenPort);
            builder.Configuration["Cluster:SiloPort"] = siloRelay.Port.ToString();
        }
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseCommerceClustering(builder.Configuration);
            // A call to a silo that died without a word fails after this instead of Orleans' 30 s.
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5));
            if (listenPort != 0)
                silo.Configure<EndpointOptions>(o => o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Loopback, listenPort));
            silo.Services.Replace(ServiceDescriptor.Singleton<IFatalErrorHandler, RecordingFatalErrorHandler>());
        });
        var host = builder.Build();
        await host.StartAsync();
        return new ClusterSilo(host, databaseRelay, siloRelay);
    }

    /// <summary>
    /// Cuts the silo off from PostgreSQL and drops and refuses the connections to it, which is what its crash looks
    /// like from outside: it can no longer write anything (not even its own death) to the membership table nor answer
    /// a probe, so the others must notice by probing. It keeps running, alone, until disposed. Connections it opened
    /// itself to other silos go through their relays: see <see cref="RefuseSiloConnections"/>.
    /// </summary>
    public void Isolate()
    {
        if (databaseRelay is null || siloRelay is null)
            throw new InvalidOperationException("only a silo started isolatable can be isolated");
        databaseRelay.Cut();
        siloRelay.Cut();
    }

    /// <summary>
    /// Drops and refuses the connections other silos open to this one (Orleans also sends over a connection the
    /// other side opened, so an isolated silo's own connections must go too). Its database link stays.
    /// </summary>
    public void RefuseSiloConnections() =>
        (siloRelay ?? throw new InvalidOperationException("only a silo started isolatable has a relay to cut")).Cut();

    public async ValueTask DisposeAsync()
    {
        // Reconnected, an isolated silo learns it was declared dead and stops quickly instead of retrying its writes.
        databaseRelay?.Heal();
        siloRelay?.Heal();
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                await host.StopAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                // A silo that cannot finish a graceful stop in time is disposed all the same.
            }
        }
        await ((IAsyncDisposable)host).DisposeAsync();
        if (databaseRelay is not null)
            await databaseRelay.DisposeAsync();
        if (siloRelay is not null)
            await siloRelay.DisposeAsync();
    }
}
