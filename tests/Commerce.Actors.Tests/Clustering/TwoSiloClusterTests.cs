using Commerce.Actors.Clustering;
using Commerce.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Commerce.Actors.Tests.Clustering;

/// <summary>
/// Two silos in this process, each configured by UseCommerceClustering on one PostgreSQL database, form one
/// cluster; when one dies without a word the other takes over its grains.
/// </summary>
public sealed class TwoSiloClusterTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly string[] Keys = [.. Enumerable.Range(0, 40).Select(i => $"key-{i}")];

    [Fact]
    public async Task Two_silos_share_the_grains_and_the_survivor_answers_for_every_key_once_the_other_goes_silent()
    {
        await using var database = await TempPostgresDatabase.CreateAsync();
        var settings = Settings(database.ConnectionString);
        await using var first = await ClusterSilo.StartAsync(settings, isolatable: true);
        await using var second = await ClusterSilo.StartAsync(settings, isolatable: true);

        await Eventually.Until(() => first.ActiveSilos == 2 && second.ActiveSilos == 2, Deadline,
            () => $"both silos to see two active silos (first sees {first.ActiveSilos}, second sees {second.ActiveSilos})");

        var placed = await WhereAsync(first.Grains);
        Assert.Equal(new[] { first.Address, second.Address }.Order(), placed.Values.Distinct().Order());

        var secondAddress = second.Address;
        second.Isolate();
        first.RefuseSiloConnections();

        // Until the survivor notices, calls to grains that lived on the second silo fail (or time out): try again.
        var answers = new Dictionary<string, string>();
        var lastError = "none";
        await Eventually.Until(async () =>
        {
            foreach (var key in Keys.Where(k => answers.GetValueOrDefault(k) != first.Address))
            {
                try
                {
                    answers[key] = await first.Grains.GetGrain<ISiloAddressGrain>(key).WhereAsync();
                }
                catch (Exception e)
                {
                    lastError = $"{e.GetType().Name}: {e.Message}";
                    return false;
                }
            }
            return Keys.All(k => answers.GetValueOrDefault(k) == first.Address);
        }, Deadline, () => $"every key answered by the survivor {first.Address}; {Keys.Count(k => answers.GetValueOrDefault(k) == first.Address)} of {Keys.Length} were (last error: {lastError})");
        Assert.Equal(SiloStatus.Dead, first.StatusOf(secondAddress));
        // Declared dead on the survivor's vote (a silo that goes down on its own votes itself out).
        var (status, suspicions) = await MembershipRowAsync(database.ConnectionString, SiloAddress.FromParsableString(secondAddress));
        Assert.Equal((int)SiloStatus.Dead, status);
        Assert.Contains(first.Address, suspicions);
    }

    [Fact]
    public async Task A_client_finds_the_silos_through_the_gateway_list_in_the_database()
    {
        await using var database = await TempPostgresDatabase.CreateAsync();
        var settings = Settings(database.ConnectionString);
        await using var first = await ClusterSilo.StartAsync(settings);
        await using var second = await ClusterSilo.StartAsync(settings);
        await Eventually.Until(() => first.ActiveSilos == 2 && second.ActiveSilos == 2, Deadline,
            () => $"both silos to see two active silos (first sees {first.ActiveSilos}, second sees {second.ActiveSilos})");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings["Cluster:ClusterId"]!, "commerce"))
            .UseAdoNetClustering(o =>
            {
                o.Invariant = ClusteringSiloBuilderExtensions.PostgresInvariant;
                o.ConnectionString = database.ConnectionString;
            }));
        using var client = builder.Build();
        await client.StartAsync();

        var viaClient = await WhereAsync(client.Services.GetRequiredService<IClusterClient>());
        var viaSilo = await WhereAsync(first.Grains);

        Assert.Equal(viaSilo, viaClient);
        Assert.Equal(2, viaClient.Values.Distinct().Count());
        await client.StopAsync();
    }

    [Fact]
    public async Task With_sqlite_the_silo_runs_alone_on_localhost_clustering()
    {
        await using var silo = await ClusterSilo.StartAsync(new Dictionary<string, string?>
        {
            ["Store:Provider"] = "sqlite",
            ["Cluster:SiloPort"] = "0",
            ["Cluster:GatewayPort"] = "0",
        });

        var placed = await WhereAsync(silo.Grains);

        Assert.All(placed.Values, address => Assert.Equal(silo.Address, address));
        Assert.Equal(System.Net.IPAddress.Loopback, silo.Services.GetRequiredService<IOptions<EndpointOptions>>().Value.AdvertisedIPAddress);
    }

    [Theory]
    [InlineData("Cluster:SiloPort", "70000", "Cluster:SiloPort")]
    [InlineData("Cluster:AdvertisedAddress", "not-an-ip", "Cluster:AdvertisedAddress")]
    [InlineData("Cluster:ClusterId", "", "Cluster:ClusterId")]
    [InlineData("Cluster:NumVotesForDeathDeclaration", "0", "Cluster:NumVotesForDeathDeclaration")]
    [InlineData("Cluster:ProbeTimeout", "-00:00:01", "Cluster:ProbeTimeout")]
    [InlineData("Store:Provider", "mysql", "Store:Provider")]
    public void A_bad_setting_fails_the_start_naming_its_key(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });

        var error = Assert.Throws<OptionsValidationException>(() => builder.UseOrleans(silo => silo.UseCommerceClustering(configuration)));

        Assert.Contains(named, error.Message);
    }

    private static Dictionary<string, string?> Settings(string connectionString) => new()
    {
        ["Store:Provider"] = "postgres",
        ["Store:ConnectionString"] = connectionString,
        ["Cluster:ClusterId"] = $"test-{Guid.NewGuid():N}",
        ["Cluster:SiloPort"] = "0",
        ["Cluster:GatewayPort"] = "0",
        ["Cluster:AdvertisedAddress"] = "127.0.0.1",
        ["Cluster:ProbeTimeout"] = "00:00:01",
        ["Cluster:NumMissedProbesLimit"] = "2",
        ["Cluster:NumVotesForDeathDeclaration"] = "1",
    };

    private static async Task<(int Status, string SuspectTimes)> MembershipRowAsync(string connectionString, SiloAddress silo)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT status, coalesce(suspect_times, '') FROM orleans_membership WHERE port = $1 AND generation = $2", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = silo.Endpoint.Port });
        command.Parameters.Add(new NpgsqlParameter { Value = silo.Generation });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"a membership row for {silo}");
        return (reader.GetInt32(0), reader.GetString(1));
    }

    private static async Task<Dictionary<string, string>> WhereAsync(IGrainFactory grains)
    {
        var placed = new Dictionary<string, string>();
        foreach (var key in Keys)
            placed[key] = await grains.GetGrain<ISiloAddressGrain>(key).WhereAsync();
        return placed;
    }
}
