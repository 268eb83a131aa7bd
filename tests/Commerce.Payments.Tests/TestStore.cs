using Commerce.Actors.Storage;
using Npgsql;

namespace Commerce.Payments.Tests;

/// <summary>
/// A grain store of its own for one test: a SQLite file, or a database on the PostgreSQL server that
/// `./run test` starts (COMMERCE_TEST_POSTGRES; without it a PostgreSQL test fails, it is not skipped).
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly Func<ValueTask> _cleanup;

    private TestStore(IGrainStore store, Func<ValueTask> cleanup)
    {
        Store = store;
        _cleanup = cleanup;
    }

    public IGrainStore Store { get; }

    public static async Task<TestStore> CreateAsync(string provider)
    {
        if (provider == "sqlite")
        {
            var directory = Directory.CreateTempSubdirectory("commerce-payments-").FullName;
            var sqlite = new SqliteGrainStore($"Data Source={Path.Combine(directory, "payments.db")}", TimeProvider.System);
            return new TestStore(sqlite, async () =>
            {
                await sqlite.DisposeAsync();
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(directory, recursive: true);
            });
        }
        var admin = Environment.GetEnvironmentVariable("COMMERCE_TEST_POSTGRES")
            ?? throw new InvalidOperationException("COMMERCE_TEST_POSTGRES is not set: run the tests with ./run test, which starts PostgreSQL");
        var name = $"commerce_pay_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var postgres = new PostgresGrainStore(new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, TimeProvider.System);
        return new TestStore(postgres, async () =>
        {
            await postgres.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        });
    }

    public ValueTask DisposeAsync() => _cleanup();
}
