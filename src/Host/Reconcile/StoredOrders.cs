using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Actors.Serialization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Commerce.Host.Reconcile;

/// <summary>Reads grain states from the grain store's table, read-only (SQLite or PostgreSQL): every order, every item.</summary>
public static class StoredOrders
{
    public static Task<IReadOnlyList<OrderState>> LoadAsync(string provider, string connectionString, CancellationToken ct) =>
        LoadAllAsync(provider, connectionString, OrderGrain.TypeName, GrainJsonContext.Default.OrderState, ct);

    /// <summary>Every NftItem grain state, by item id.</summary>
    public static async Task<IReadOnlyDictionary<string, NftItemState>> LoadItemsAsync(string provider, string connectionString, CancellationToken ct) =>
        (await LoadAllAsync(provider, connectionString, NftItemGrain.TypeName, GrainJsonContext.Default.NftItemState, ct))
            .ToDictionary(i => i.ItemId, StringComparer.Ordinal);

    private static async Task<IReadOnlyList<T>> LoadAllAsync<T>(string provider, string connectionString, string grainType, JsonTypeInfo<T> json,
        CancellationToken ct)
    {
        await using DbConnection connection = provider == "postgres"
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM grain_state WHERE grain_type = @type";
        var type = command.CreateParameter();
        type.ParameterName = "@type";
        type.Value = grainType;
        command.Parameters.Add(type);
        var states = new List<T>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                states.Add(JsonSerializer.Deserialize(reader.GetString(0), json)!);
        }
        catch (DbException e) when (e.Message.Contains("grain_state", StringComparison.Ordinal))
        {
            // A database the platform never started on has no table: nothing stored.
        }
        return states;
    }
}
