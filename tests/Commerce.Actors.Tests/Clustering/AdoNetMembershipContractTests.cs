using System.Net;
using Commerce.Actors.Clustering;
using Commerce.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;

namespace Commerce.Actors.Tests.Clustering;

/// <summary>
/// Orleans' own AdoNet membership table and gateway list, run against our schema: the table version acts as the
/// etag of every insert and update, and a write that loses the race changes nothing.
/// </summary>
public sealed class AdoNetMembershipContractTests : IAsyncLifetime
{
    private const string ClusterId = "contract";
    private static readonly DateTime Now = DateTime.UtcNow;

    private TempPostgresDatabase _database = null!;
    private AdoNetClusteringTable _table = null!;

    public async Task InitializeAsync()
    {
        _database = await TempPostgresDatabase.CreateAsync();
        await new PostgresClusteringSchema(_database.ConnectionString, NullLogger<PostgresClusteringSchema>.Instance)
            .EnsureCreatedAsync(CancellationToken.None);
        _table = await TableAsync(ClusterId);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_new_cluster_reads_empty_at_version_zero()
    {
        var table = await _table.ReadAllAsync();

        Assert.Empty(table.Members);
        Assert.Equal(0, table.Version.Version);
    }

    [Fact]
    public async Task A_silo_is_inserted_once_at_the_version_read_and_moves_the_version()
    {
        var read = await _table.ReadAllAsync();

        Assert.True(await _table.InsertRowAsync(Silo(1), read.Version.Next()));
        Assert.False(await _table.InsertRowAsync(Silo(2), read.Version.Next()));   // stale version: nothing written
        var after = await _table.ReadAllAsync();
        Assert.False(await _table.InsertRowAsync(Silo(1), after.Version.Next()));  // already there: nothing written

        var final = await _table.ReadAllAsync();
        Assert.Equal(1, final.Version.Version);
        var (member, etag) = Assert.Single(final.Members);
        Assert.Equal(final.Version.VersionEtag, etag);
        Assert.Equal(Silo(1).SiloAddress, member.SiloAddress);
        Assert.Equal(SiloStatus.Joining, member.Status);
        Assert.Equal("silo-1", member.SiloName);
        Assert.Equal("test-host", member.HostName);
        Assert.Equal(30001, member.ProxyPort);
    }

    [Fact]
    public async Task An_update_at_a_stale_version_or_of_an_unknown_silo_changes_nothing()
    {
        await InsertAsync(Silo(1));
        var stale = await _table.ReadAllAsync();
        await InsertAsync(Silo(2));
        var read = await _table.ReadAllAsync();
        var suspected = Silo(1, SiloStatus.Active);
        suspected.SuspectTimes = [Tuple.Create(Silo(2).SiloAddress, Now.AddSeconds(-3))];

        Assert.False(await _table.UpdateRowAsync(suspected, stale.Version.VersionEtag, stale.Version.Next()));
        Assert.False(await _table.UpdateRowAsync(Silo(9, SiloStatus.Active), read.Version.VersionEtag, read.Version.Next()));
        Assert.Equal(2, (await _table.ReadAllAsync()).Version.Version);
        Assert.Equal(SiloStatus.Joining, Assert.Single((await _table.ReadRowAsync(Silo(1).SiloAddress)).Members).Item1.Status);

        Assert.True(await _table.UpdateRowAsync(suspected, read.Version.VersionEtag, read.Version.Next()));
        var row = await _table.ReadRowAsync(Silo(1).SiloAddress);
        Assert.Equal(3, row.Version.Version);
        var member = Assert.Single(row.Members).Item1;
        Assert.Equal(SiloStatus.Active, member.Status);
        Assert.NotNull(member.SuspectTimes);
        Assert.Equal(Silo(2).SiloAddress, Assert.Single(member.SuspectTimes).Item1);
    }

    [Fact]
    public async Task Reading_one_silo_returns_only_it_or_only_the_version()
    {
        await InsertAsync(Silo(1));
        await InsertAsync(Silo(2));

        var one = await _table.ReadRowAsync(Silo(2).SiloAddress);
        var none = await _table.ReadRowAsync(Silo(7).SiloAddress);

        Assert.Equal(Silo(2).SiloAddress, Assert.Single(one.Members).Item1.SiloAddress);
        Assert.Empty(none.Members);
        Assert.Equal(2, none.Version.Version);
    }

    [Fact]
    public async Task A_heartbeat_moves_only_the_liveness_time_and_never_back()
    {
        await InsertAsync(Silo(1));
        var beat = Silo(1);
        beat.IAmAliveTime = Now.AddMinutes(5);
        var late = Silo(1);
        late.IAmAliveTime = Now.AddMinutes(1);

        await _table.UpdateIAmAliveAsync(beat);
        await _table.UpdateIAmAliveAsync(late);

        var row = await _table.ReadRowAsync(beat.SiloAddress);
        Assert.Equal(1, row.Version.Version);
        var member = Assert.Single(row.Members).Item1;
        Assert.InRange(member.IAmAliveTime - beat.IAmAliveTime, TimeSpan.FromMilliseconds(-1), TimeSpan.FromMilliseconds(1));
        Assert.Equal(DateTimeKind.Utc, member.IAmAliveTime.Kind);
        Assert.Equal(SiloStatus.Joining, member.Status);
    }

    [Fact]
    public async Task Clients_are_given_the_gateways_of_active_silos_only()
    {
        await InsertAsync(Silo(1));
        await InsertAsync(Silo(2));
        await UpdateAsync(Silo(1, SiloStatus.Active));
        var gateways = new AdoNetGatewayListProvider(
            NullLogger<AdoNetGatewayListProvider>.Instance,
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new AdoNetClusteringClientOptions
            {
                Invariant = ClusteringSiloBuilderExtensions.PostgresInvariant,
                ConnectionString = _database.ConnectionString,
            }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ClusterId = ClusterId, ServiceId = "commerce" }));
        await gateways.InitializeGatewayListProvider();

        var uri = Assert.Single(await gateways.GetGateways());

        Assert.Equal(SiloAddress.New(IPAddress.Loopback, 30001, 1).ToGatewayUri(), uri);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Cleanup_drops_dead_silos_not_heard_of_since_the_cutoff_and_nothing_else(bool rowByRowQueryInstalled)
    {
        if (!rowByRowQueryInstalled)
        {
            await ForgetQueryAsync("CleanupDefunctSiloEntryKey");
            _table = await TableAsync(ClusterId);
        }
        var longAgo = Now.AddHours(-3);
        var oldActive = Silo(1, SiloStatus.Active, longAgo);
        var oldDead = Silo(2, SiloStatus.Dead, longAgo);
        var recentlyDead = Silo(3, SiloStatus.Dead, Now);
        var oldJoining = Silo(4, SiloStatus.Joining, longAgo);
        foreach (var silo in new[] { oldActive, oldDead, recentlyDead, oldJoining })
            await InsertAsync(silo);
        foreach (var silo in new[] { oldActive, oldDead, recentlyDead })
            await UpdateAsync(silo);

        await _table.CleanupDefunctSiloEntriesAsync(Now.AddHours(-1));

        var left = (await _table.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress.Generation).Order();
        Assert.Equal([1, 3, 4], left);
    }

    [Fact]
    public async Task Deleting_a_cluster_forgets_its_silos_and_version_and_leaves_other_clusters()
    {
        var other = await TableAsync("other");
        await other.InsertRowAsync(Silo(5), (await other.ReadAllAsync()).Version.Next());
        await InsertAsync(Silo(1));

        await _table.DeleteMembershipTableEntriesAsync(ClusterId);
        await _table.InitializeMembershipTableAsync(tryInitTableVersion: true);

        var again = await _table.ReadAllAsync();
        Assert.Empty(again.Members);
        Assert.Equal(0, again.Version.Version);
        var untouched = await other.ReadAllAsync();
        Assert.Equal(Silo(5).SiloAddress, Assert.Single(untouched.Members).Item1.SiloAddress);
        Assert.Equal(1, untouched.Version.Version);
    }

    private async Task InsertAsync(MembershipEntry entry) =>
        Assert.True(await _table.InsertRowAsync(entry, (await _table.ReadAllAsync()).Version.Next()), $"insert of {entry.SiloAddress}");

    private async Task UpdateAsync(MembershipEntry entry)
    {
        var read = await _table.ReadAllAsync();
        Assert.True(await _table.UpdateRowAsync(entry, read.Version.VersionEtag, read.Version.Next()), $"update of {entry.SiloAddress}");
    }

    private async Task ForgetQueryAsync(string key)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("DELETE FROM orleansquery WHERE querykey = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private async Task<AdoNetClusteringTable> TableAsync(string clusterId)
    {
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "commerce" }),
            Options.Create(new AdoNetClusteringSiloOptions
            {
                Invariant = ClusteringSiloBuilderExtensions.PostgresInvariant,
                ConnectionString = _database.ConnectionString,
            }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        return table;
    }

    /// <summary>
    /// Silo number <paramref name="n"/>: 127.0.0.1, silo port 11111, gateway 30000 + n, generation n, started a
    /// minute before <paramref name="lastHeard"/> (default: now) and last heard of then.
    /// </summary>
    private static MembershipEntry Silo(int n, SiloStatus status = SiloStatus.Joining, DateTime? lastHeard = null) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, 11111, n),
        SiloName = $"silo-{n}",
        HostName = "test-host",
        Status = status,
        ProxyPort = 30000 + n,
        StartTime = (lastHeard ?? Now).AddMinutes(-1),
        IAmAliveTime = lastHeard ?? Now,
    };
}
