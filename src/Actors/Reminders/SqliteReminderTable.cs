using Commerce.Actors.Storage;
using Microsoft.Data.Sqlite;
using Orleans;
using Orleans.Runtime;

namespace Commerce.Actors.Reminders;

/// <summary>
/// Orleans reminders in the grain store's SQLite file (table <c>reminders</c>, rows of one Orleans service id). SQLite
/// has one writer: every change goes through the store's group committer, reads use their own connections. A row's
/// ETag is its version; versions come from one counter for the whole table, so a reminder removed and registered
/// again never gets back an ETag it had before.
/// </summary>
public sealed class SqliteReminderTable(SqliteGrainStore store, string serviceId) : IReminderTable
{
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await store.InitializeAsync(cancellationToken);
        await store.WriteAsync(async (connection, transaction) =>
        {
            await using var command = Command(connection, transaction, """
                CREATE TABLE IF NOT EXISTS reminders (
                    service_id TEXT NOT NULL, grain_id TEXT NOT NULL, name TEXT NOT NULL, grain_hash INTEGER NOT NULL,
                    start_at INTEGER NOT NULL, period_ms INTEGER NOT NULL, version INTEGER NOT NULL,
                    PRIMARY KEY (service_id, grain_id, name)) WITHOUT ROWID;
                CREATE INDEX IF NOT EXISTS reminders_hash ON reminders (service_id, grain_hash);
                CREATE TABLE IF NOT EXISTS reminders_version (id INTEGER PRIMARY KEY CHECK (id = 1), last INTEGER NOT NULL);
                INSERT OR IGNORE INTO reminders_version (id, last) VALUES (1, 0);
                """);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    public Task Init() => StartAsync(CancellationToken.None);

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {ReminderRows.Columns} FROM reminders WHERE service_id = $service AND grain_id = $grain",
            command => command.Parameters.AddWithValue("$grain", grainId.ToString()), cancellationToken);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {ReminderRows.Columns} FROM reminders WHERE service_id = $service AND {ReminderRows.RangePredicate(begin, end, "$begin", "$end")}",
            command =>
            {
                command.Parameters.AddWithValue("$begin", (long)begin);
                command.Parameters.AddWithValue("$end", (long)end);
            }, cancellationToken);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    /// <returns>The entry, or null when the grain has no reminder of that name (as Orleans' own tables answer).</returns>
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync($"SELECT {ReminderRows.Columns} FROM reminders WHERE service_id = $service AND grain_id = $grain AND name = $name",
            command =>
            {
                command.Parameters.AddWithValue("$grain", grainId.ToString());
                command.Parameters.AddWithValue("$name", reminderName);
            }, cancellationToken);
        return rows.Reminders.Count == 0 ? null : rows.Reminders[0];
    }

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    /// <summary>Sets the reminder whatever is stored (Orleans' upsert is unconditional) and answers its new ETag.</summary>
    public Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ReminderRows.Validate(entry);
        return store.WriteAsync<string?>(async (connection, transaction) =>
        {
            await using var command = Command(connection, transaction, """
                UPDATE reminders_version SET last = last + 1 WHERE id = 1;
                INSERT INTO reminders (service_id, grain_id, name, grain_hash, start_at, period_ms, version)
                VALUES ($service, $grain, $name, $hash, $start, $period, (SELECT last FROM reminders_version WHERE id = 1))
                ON CONFLICT (service_id, grain_id, name) DO UPDATE SET
                    grain_hash = excluded.grain_hash, start_at = excluded.start_at, period_ms = excluded.period_ms, version = excluded.version
                RETURNING version;
                """);
            command.Parameters.AddWithValue("$grain", entry.GrainId.ToString());
            command.Parameters.AddWithValue("$name", entry.ReminderName);
            command.Parameters.AddWithValue("$hash", ReminderRows.Hash(entry.GrainId));
            command.Parameters.AddWithValue("$start", ReminderRows.ToUnixMilliseconds(entry.StartAt));
            command.Parameters.AddWithValue("$period", ReminderRows.PeriodMilliseconds(entry.Period));
            return ReminderRows.ETag((long)(await command.ExecuteScalarAsync(cancellationToken))!);
        }, cancellationToken);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <returns>True when the row existed with that ETag and was removed; false otherwise (nothing is changed).</returns>
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        if (ReminderRows.Version(eTag) is not { } version)
            return Task.FromResult(false);
        return store.WriteAsync(async (connection, transaction) =>
        {
            await using var command = Command(connection, transaction,
                "DELETE FROM reminders WHERE service_id = $service AND grain_id = $grain AND name = $name AND version = $version");
            command.Parameters.AddWithValue("$grain", grainId.ToString());
            command.Parameters.AddWithValue("$name", reminderName);
            command.Parameters.AddWithValue("$version", version);
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);
    }

    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    /// <summary>Removes the rows of this service id only: other services may share the database.</summary>
    public Task TestOnlyClearTable(CancellationToken cancellationToken) =>
        store.WriteAsync(async (connection, transaction) =>
        {
            await using var command = Command(connection, transaction, "DELETE FROM reminders WHERE service_id = $service");
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    private async Task<ReminderTableData> ReadAsync(string sql, Action<SqliteCommand> bind, CancellationToken ct)
    {
        await using var connection = await store.OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service", serviceId);
        bind(command);
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            entries.Add(ReminderRows.ToEntry(reader.GetString(0), reader.GetString(1),
                ReminderRows.FromUnixMilliseconds(reader.GetInt64(2)), reader.GetInt64(3), reader.GetInt64(4)));
        }
        return new ReminderTableData(entries);
    }

    private SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service", serviceId);
        return command;
    }
}
