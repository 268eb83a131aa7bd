using Npgsql;

namespace Commerce.Testing;

/// <summary>
/// A database of its own per test on the PostgreSQL server that `./run test` starts
/// (COMMERCE_TEST_POSTGRES names it). Without that server the test fails: it is not skipped.
/// </summary>
public sealed class TempPostgresDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name = $"commerce_t_{Guid.NewGuid():N}";

    private TempPostgresDatabase(string admin, string connectionString)
    {
        _admin = admin;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<TempPostgresDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable("COMMERCE_TEST_POSTGRES")
            ?? throw new InvalidOperationException("COMMERCE_TEST_POSTGRES is not set: run the tests with ./run test, which starts PostgreSQL");
        var database = new TempPostgresDatabase(admin, "");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {database._name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = database._name };
        return new TempPostgresDatabase(admin, builder.ConnectionString) { };
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
