using Npgsql;
using Orleans;
using Orleans.Runtime;

namespace Commerce.Actors.Reminders;

/// <summary>
/// Orleans reminders in PostgreSQL (table <c>reminders</c>, rows of one Orleans service id), created at start if
/// missing. A row's ETag is its version, drawn from one sequence for the whole table, so a reminder removed and
/// registered again never gets back an ETag it had before. Uses the given data source (the grain store's pool).
/// </summary>
public sealed class PostgresReminderTable(NpgsqlDataSource dataSource, string serviceId) : IReminderTable
{
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Instances starting together take turns: concurrent CREATE ... IF NOT EXISTS can still collide.
        await using var command = new NpgsqlCommand("""
            SELECT pg_advisory_xact_lock(7261531);
            CREATE TABLE IF NOT EXISTS reminders (
                service_id text NOT NULL, grain_id text NOT NULL, name text NOT NULL, grain_hash bigint NOT NULL,
                start_at timestamptz NOT NULL, period_ms bigint NOT NULL, version bigint NOT NULL,
                PRIMARY KEY (service_id, grain_id, name));
            CREATE INDEX IF NOT EXISTS reminders_hash ON reminders (service_id, grain_hash);
            CREATE SEQUENCE IF NOT EXISTS reminders_version;
            """, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task Init() => StartAsync(CancellationToken.None);

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {ReminderRows.Columns} FROM reminders WHERE service_id = $1 AND grain_id = $2", [grainId.ToString()], cancellationToken);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {ReminderRows.Columns} FROM reminders WHERE service_id = $1 AND {ReminderRows.RangePredicate(begin, end, "$2", "$3")}",
            [(long)begin, (long)end], cancellationToken);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    /// <returns>The entry, or null when the grain has no reminder of that name (as Orleans' own tables answer).</returns>
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync($"SELECT {ReminderRows.Columns} FROM reminders WHERE service_id = $1 AND grain_id = $2 AND name = $3",
            [grainId.ToString(), reminderName], cancellationToken);
        return rows.Reminders.Count == 0 ? null : rows.Reminders[0];
    }

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    /// <summary>Sets the reminder whatever is stored (Orleans' upsert is unconditional) and answers its new ETag.</summary>
    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ReminderRows.Validate(entry);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO reminders (service_id, grain_id, name, grain_hash, start_at, period_ms, version)
            VALUES ($1, $2, $3, $4, $5, $6, nextval('reminders_version'))
            ON CONFLICT (service_id, grain_id, name) DO UPDATE SET
                grain_hash = excluded.grain_hash, start_at = excluded.start_at, period_ms = excluded.period_ms, version = excluded.version
            RETURNING version
            """);
        Bind(command, serviceId, entry.GrainId.ToString(), entry.ReminderName, ReminderRows.Hash(entry.GrainId),
            ReminderRows.Utc(entry.StartAt), ReminderRows.PeriodMilliseconds(entry.Period));
        return ReminderRows.ETag((long)(await command.ExecuteScalarAsync(cancellationToken))!);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <returns>True when the row existed with that ETag and was removed; false otherwise (nothing is changed).</returns>
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        if (ReminderRows.Version(eTag) is not { } version)
            return false;
        await using var command = dataSource.CreateCommand(
            "DELETE FROM reminders WHERE service_id = $1 AND grain_id = $2 AND name = $3 AND version = $4");
        Bind(command, serviceId, grainId.ToString(), reminderName, version);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    /// <summary>Removes the rows of this service id only: other services may share the database.</summary>
    public async Task TestOnlyClearTable(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM reminders WHERE service_id = $1");
        Bind(command, serviceId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    private async Task<ReminderTableData> ReadAsync(string sql, object[] parameters, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        Bind(command, [serviceId, .. parameters]);
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            entries.Add(ReminderRows.ToEntry(reader.GetString(0), reader.GetString(1),
                reader.GetFieldValue<DateTime>(2), reader.GetInt64(3), reader.GetInt64(4)));
        }
        return new ReminderTableData(entries);
    }

    private static void Bind(NpgsqlCommand command, params object[] values)
    {
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
    }
}
