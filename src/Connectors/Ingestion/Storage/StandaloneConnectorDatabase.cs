using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Commerce.Connectors.Ingestion.Storage;

/// <summary>
/// The connector tables on a connection string of their own (tests, benchmarks, a connector run without the grain
/// store). In the platform host the host's database adapter is used instead, so SQLite keeps a single writer.
/// </summary>
public sealed class StandaloneConnectorDatabase(bool postgres, string connectionString) : IConnectorDatabase
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _created;

    public bool IsPostgres => postgres;

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            if (!_created)
                await CreateAsync(connection, ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        await _gate.WaitAsync(ct); // one writer (SQLite allows no more; PostgreSQL needs no more here)
        try
        {
            await using var connection = await OpenAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(ct);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CreateAsync(DbConnection connection, CancellationToken ct)
    {
        await using var create = connection.CreateCommand();
        create.CommandText = postgres ? ConnectorSchema.Postgres : ConnectorSchema.Sqlite;
        await create.ExecuteNonQueryAsync(ct);
        _created = true;
    }
}
