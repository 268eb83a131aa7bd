using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Serialization;
using Npgsql;

namespace Commerce.Host.Tests.Failover;

/// <summary>What the cluster's database says, read as an operator would: the grain states as stored, the silos' membership rows.</summary>
internal sealed class StoredGrains(string connectionString) : IAsyncDisposable
{
    /// <summary>Orleans' SiloStatus.Dead, as the membership table stores it.</summary>
    public const int DeadStatus = 6;

    /// <summary>Orleans' SiloStatus.Active.</summary>
    public const int ActiveStatus = 3;

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 4 }.ConnectionString);

    public Task<Dictionary<string, PlayerSessionState>> PlayersAsync() =>
        StatesAsync(PlayerSessionGrain.TypeName, GrainJsonContext.Default.PlayerSessionState);

    public Task<Dictionary<string, NftItemState>> ItemsAsync() =>
        StatesAsync(NftItemGrain.TypeName, GrainJsonContext.Default.NftItemState);

    public Task<Dictionary<string, OrderState>> OrdersAsync() =>
        StatesAsync(OrderGrain.TypeName, GrainJsonContext.Default.OrderState);

    /// <summary>
    /// The highest offset of each partition of <paramref name="topic"/> that some grain of <paramref name="grainType"/> has
    /// applied, from the Kafka origins each grain keeps beside its state.
    /// </summary>
    public async Task<Dictionary<int, long>> HighestAppliedAsync(string grainType, string topic)
    {
        await using var command = _dataSource.CreateCommand("SELECT origins FROM grain_state WHERE grain_type = $1 AND origins IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = grainType });
        var highest = new Dictionary<int, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var record = JsonSerializer.Deserialize(reader.GetString(0), GrainJsonContext.Default.GrainRuntimeRecord)!;
            foreach (var (source, window) in record.Origins.Where(o => o.Key.StartsWith(topic + "/", StringComparison.Ordinal)))
            {
                var partition = int.Parse(source[(topic.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
                var applied = window.Above.Count > 0 ? window.Above[^1] : window.Floor;
                highest[partition] = Math.Max(highest.GetValueOrDefault(partition, -1), applied);
            }
        }
        return highest;
    }

    /// <summary>The membership status of the newest incarnation of the silo on <paramref name="siloPort"/> (null: no row yet).</summary>
    public async Task<int?> SiloStatusAsync(int siloPort)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT status FROM orleans_membership WHERE port = $1 ORDER BY generation DESC LIMIT 1");
        command.Parameters.Add(new NpgsqlParameter { Value = siloPort });
        return await command.ExecuteScalarAsync() is int status ? status : null;
    }

    private async Task<Dictionary<string, T>> StatesAsync<T>(string grainType, JsonTypeInfo<T> json)
    {
        await using var command = _dataSource.CreateCommand("SELECT key, json FROM grain_state WHERE grain_type = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = grainType });
        var states = new Dictionary<string, T>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            states[reader.GetString(0)] = JsonSerializer.Deserialize(reader.GetString(1), json)!;
        return states;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
