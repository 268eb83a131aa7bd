using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;
using Commerce.Actors.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;

namespace Commerce.Actors.Clustering;

public static class ClusteringSiloBuilderExtensions
{
    /// <summary>The ADO.NET provider name Orleans loads for PostgreSQL.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>
    /// Membership from the "Store" and "Cluster" sections. Store:Provider "postgres": AdoNet clustering in the
    /// Store:ConnectionString database, whose schema this silo creates at start if missing (so several host processes
    /// form one cluster). "sqlite" (the embedded default, one process): localhost clustering. Both sections are
    /// validated here; a bad value fails the start with a message naming its key.
    /// </summary>
    public static ISiloBuilder UseCommerceClustering(this ISiloBuilder builder, IConfiguration configuration)
    {
        var store = Validated(configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions(), StoreOptions.Section);
        var cluster = Validated(configuration.GetSection(ClusteringOptions.Section).Get<ClusteringOptions>() ?? new ClusteringOptions(), ClusteringOptions.Section);
        var siloPort = cluster.SiloPort == 0 ? FreePort() : cluster.SiloPort;
        var gatewayPort = cluster.GatewayPort == 0 ? FreePort(except: siloPort) : cluster.GatewayPort;

        builder.Services.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = cluster.ClusterId;
            options.ServiceId = cluster.ServiceId;
        });
        builder.Services.Configure<ClusterMembershipOptions>(options =>
        {
            if (cluster.ProbeTimeout is { } probeTimeout)
                options.ProbeTimeout = probeTimeout;
            if (cluster.NumMissedProbesLimit is { } missed)
                options.NumMissedProbesLimit = missed;
            if (cluster.NumVotesForDeathDeclaration is { } votes)
                options.NumVotesForDeathDeclaration = votes;
        });

        if (store.Provider != "postgres")
        {
            builder.UseLocalhostClustering(siloPort, gatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
            return builder;
        }

        builder.Services.Configure<EndpointOptions>(options =>
        {
            options.SiloPort = siloPort;
            options.GatewayPort = gatewayPort;
            if (cluster.AdvertisedAddress is { } advertised)
                options.AdvertisedIPAddress = IPAddress.Parse(advertised);
            if (cluster.ListenOnAnyAddress)
            {
                options.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, siloPort);
                options.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, gatewayPort);
            }
        });

        // Its own small pool: the grain store keeps another one on the same server.
        var connectionString = new NpgsqlConnectionStringBuilder(store.ConnectionString) { MaxPoolSize = cluster.MaxPoolSize }.ConnectionString;
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => new ClusteringSchemaStartup(
            new PostgresClusteringSchema(connectionString, sp.GetRequiredService<ILogger<PostgresClusteringSchema>>())));
        builder.UseAdoNetClustering(options =>
        {
            options.Invariant = PostgresInvariant;
            options.ConnectionString = connectionString;
        });
        return builder;
    }

    private static T Validated<T>(T options, string section) where T : class
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            throw new OptionsValidationException(section, typeof(T), results.Select(r => r.ErrorMessage ?? $"{section} is not valid"));
        return options;
    }

    /// <summary>A port nothing listens on right now (asked of the OS), for Cluster:SiloPort or GatewayPort 0.</summary>
    private static int FreePort(int except = 0)
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Any, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (port != except)
                return port;
        }
    }
}
