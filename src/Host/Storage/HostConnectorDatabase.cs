using System.Data.Common;
using Commerce.Connectors.Ingestion.Storage;

namespace Commerce.Host.Storage;

/// <summary>
/// The connectors' tables (<see cref="ConnectorSchema"/>) in the platform's database, through <see cref="HostDatabase"/>:
/// on SQLite their writes join the grain store's single writer; on PostgreSQL each write is a transaction of its own.
/// </summary>
public sealed class HostConnectorDatabase(HostDatabase host) : IConnectorDatabase
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _created;

    public bool IsPostgres => host.IsPostgres;

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = await host.OpenAsync(ct);
        if (_created)
            return connection;
        try
        {
            await _gate.WaitAsync(ct);
            try
            {
                if (!_created)
                {
                    await using var create = connection.CreateCommand();
                    create.CommandText = IsPostgres ? ConnectorSchema.Postgres : ConnectorSchema.Sqlite;
                    await create.ExecuteNonQueryAsync(ct);
                    _created = true;
                }
            }
            finally
            {
                _gate.Release();
            }
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
        if (!_created)
            await (await OpenAsync(ct)).DisposeAsync(); // the tables exist before the writer uses them
        return await host.WriteAsync(async (connection, transaction) =>
        {
            if (transaction is not null)
                return await work(connection, transaction);
            await using var own = await connection.BeginTransactionAsync(ct);
            var result = await work(connection, own);
            await own.CommitAsync(ct);
            return result;
        }, ct);
    }
}
