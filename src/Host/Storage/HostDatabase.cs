using System.Data.Common;
using Commerce.Actors.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Commerce.Host.Storage;

/// <summary>
/// The host's own small tables (idempotency keys, used sign-in nonces, revoked tokens) in the platform's database
/// (<c>Store:Provider</c>: the SQLite file of one instance, or the PostgreSQL every instance shares), created on first use.
/// Writes go through <see cref="WriteAsync{T}"/>: on SQLite they join the grain store's single writer.
/// </summary>
/// <param name="sqliteWriter">The grain store when it is SQLite (the platform's single writer of that file); null otherwise.</param>
public sealed class HostDatabase(IOptions<StoreOptions> options, SqliteGrainStore? sqliteWriter = null)
{
    private readonly StoreOptions _options = options.Value;
    private readonly Lazy<string> _connectionString = new(() =>
        options.Value.Provider == "postgres" ? options.Value.ConnectionString : SqliteConnectionStrings.Prepare(options.Value.ConnectionString));
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _created;

    public bool IsPostgres => _options.Provider == "postgres";

    /// <summary>An open connection with the host's tables in place.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = await ConnectAsync(ct);
        if (_created)
            return connection;
        await _schemaGate.WaitAsync(ct);
        try
        {
            if (!_created)
            {
                await using var create = connection.CreateCommand();
                create.CommandText = IsPostgres ? HostSchema.Postgres : HostSchema.Sqlite;
                await create.ExecuteNonQueryAsync(ct);
                if (!IsPostgres)
                    await UpgradeSqliteAsync(connection, ct);
                _created = true;
            }
        }
        finally
        {
            _schemaGate.Release();
        }
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="work"/>'s statements as one write. SQLite with the grain store: inside the store's next group
    /// transaction, on its single writer (the transaction is passed on; a throw undoes only this work). Otherwise: on a
    /// connection of its own, each statement on its own (the transaction passed is null).
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction?, Task<T>> work, CancellationToken ct)
    {
        if (sqliteWriter is not null && !IsPostgres)
        {
            if (!_created)
                await (await OpenAsync(ct)).DisposeAsync(); // the tables exist before the writer uses them
            return await sqliteWriter.WriteAsync((connection, transaction) => work(connection, transaction), ct);
        }
        await using var own = await OpenAsync(ct);
        return await work(own, null);
    }

    /// <summary>A file made before revoked_token had revoked_at gets the column (rows already there read as stamped at 0).</summary>
    private static async Task UpgradeSqliteAsync(DbConnection connection, CancellationToken ct)
    {
        await using var has = connection.Command(HostSchema.SqliteHasRevokedAt);
        if (Convert.ToInt64(await has.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 0)
            await connection.ExecuteAsync(HostSchema.SqliteAddRevokedAt, ct);
        await connection.ExecuteAsync(HostSchema.SqliteRevokedAtIndex, ct);
    }

    private async Task<DbConnection> ConnectAsync(CancellationToken ct)
    {
        DbConnection connection = IsPostgres ? new NpgsqlConnection(_connectionString.Value) : new SqliteConnection(_connectionString.Value);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
