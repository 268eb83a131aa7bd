using System.Data.Common;
using System.Text.Json;
using Commerce.Actors.Orders;
using Commerce.Actors.Serialization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Commerce.Host.Reconcile;

/// <summary>Reads every Order grain state from the grain store's table, read-only (SQLite or PostgreSQL).</summary>
public static class StoredOrders
{
    public static async Task<IReadOnlyList<OrderState>> LoadAsync(string provider, string connectionString, CancellationToken ct)
    {
        await using DbConnection connection = provider == "postgres"
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM grain_state WHERE grain_type = @type";
        var type = command.CreateParameter();
        type.ParameterName = "@type";
        type.Value = OrderGrain.TypeName;
        command.Parameters.Add(type);
        var orders = new List<OrderState>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                orders.Add(JsonSerializer.Deserialize(reader.GetString(0), GrainJsonContext.Default.OrderState)!);
        }
        catch (DbException e) when (e.Message.Contains("grain_state", StringComparison.Ordinal))
        {
            // A database the platform never started on has no table: no orders.
        }
        return orders;
    }
}
