using Commerce.Actors.Ledger;
using Npgsql;
using NpgsqlTypes;

namespace Commerce.Actors.Storage;

/// <summary>
/// Grain state in PostgreSQL, for several host instances sharing the work. Batches are written
/// with array parameters (one statement per table); the cursor row is locked for the transaction,
/// so two instances can never both commit the same partition's records. Single grain writes
/// (<see cref="WriteGrainAsync"/>) go through a group writer: one transaction for all waiting writes.
/// </summary>
public sealed class PostgresGrainStore : IGrainStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _clock;
    private readonly PostgresGrainWriter _grainWriter;

    public PostgresGrainStore(string connectionString, TimeProvider clock)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _clock = clock;
        _grainWriter = new PostgresGrainWriter(_dataSource, clock);
    }

    /// <summary>The store's connection pool, for tables that live beside the grain state (the reminder table).</summary>
    internal NpgsqlDataSource DataSource => _dataSource;

    public async Task InitializeAsync(CancellationToken ct)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        // Serialize schema creation across instances starting together.
        command.CommandText = """
            SELECT pg_advisory_xact_lock(7261530);
            CREATE TABLE IF NOT EXISTS grain_state (
                grain_type text NOT NULL, key text NOT NULL, json text NOT NULL,
                version bigint NOT NULL, updated_at timestamptz NOT NULL, origins text,
                PRIMARY KEY (grain_type, key));
            -- Databases created before the origins column get it (NULL in the rows already there). Checked first: the
            -- ALTER takes an exclusive lock on the table even when the column exists, and other instances are running.
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                               WHERE table_schema = current_schema() AND table_name = 'grain_state' AND column_name = 'origins') THEN
                    ALTER TABLE grain_state ADD COLUMN origins text;
                END IF;
            END $$;
            CREATE TABLE IF NOT EXISTS partition_cursor (
                consumer_group text NOT NULL, epoch text NOT NULL, topic text NOT NULL, partition int NOT NULL,
                applied_offset bigint NOT NULL,
                PRIMARY KEY (consumer_group, epoch, topic, partition));
            CREATE TABLE IF NOT EXISTS outbox (
                id bigserial PRIMARY KEY, records bytea NOT NULL, created_at timestamptz NOT NULL);
            CREATE TABLE IF NOT EXISTS ledger (
                seq bigint PRIMARY KEY, at timestamptz NOT NULL, grain_type text NOT NULL, key text NOT NULL,
                event_id uuid NOT NULL, entry bytea NOT NULL, prev_hash bytea NOT NULL, hash bytea NOT NULL);
            CREATE TABLE IF NOT EXISTS grain_journal (
                grain_type text NOT NULL, key text NOT NULL, seq bigint NOT NULL, kind text NOT NULL,
                body text NOT NULL, at timestamptz NOT NULL,
                PRIMARY KEY (grain_type, key, seq));
            -- Effects a grain applied once ever (a credited deposit's transaction, a confirmed payment log), kept
            -- for good: a late redelivery finds its key here whatever the grain's state still remembers.
            CREATE TABLE IF NOT EXISTS dedupe_key (
                grain_type text NOT NULL, key text NOT NULL, dedupe_key text NOT NULL, at timestamptz NOT NULL,
                PRIMARY KEY (grain_type, key, dedupe_key));
            CREATE TABLE IF NOT EXISTS ledger_head (
                id int PRIMARY KEY CHECK (id = 1), seq bigint NOT NULL, hash bytea NOT NULL);
            INSERT INTO ledger_head (id, seq, hash) VALUES (1, 0, decode(repeat('00', 32), 'hex'))
                ON CONFLICT (id) DO NOTHING;
            -- The old grain runtime's processed event ids and reminders (Orleans reminders use the reminders table).
            DROP TABLE IF EXISTS processed_event;
            DROP TABLE IF EXISTS reminder;
            """;
        await using var transaction = await connection.BeginTransactionAsync(ct);
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<long?> LoadCursorAsync(PartitionCursor cursor, CancellationToken ct)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        return await ReadCursorAsync(connection, null, cursor, forUpdate: false, ct);
    }

    public async Task<StoredState?> LoadStateAsync(string grainType, string key, CancellationToken ct) =>
        (await LoadStatesAsync(grainType, [key], ct)).GetValueOrDefault(key);

    public async Task<IReadOnlyDictionary<string, StoredState>> LoadStatesAsync(string grainType, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var result = new Dictionary<string, StoredState>(keys.Count);
        if (keys.Count == 0)
            return result;
        await using var command = _dataSource.CreateCommand(
            "SELECT key, json, version, updated_at, origins FROM grain_state WHERE grain_type = $1 AND key = ANY($2)");
        command.Parameters.Add(new NpgsqlParameter { Value = grainType });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var key = reader.GetString(0);
            result[key] = new StoredState(grainType, key, reader.GetString(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetString(4));
        }
        return result;
    }

    public async Task<IReadOnlySet<string>> LoadDedupeKeysAsync(string grainType, string key, IReadOnlyCollection<string> dedupeKeys, CancellationToken ct)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (dedupeKeys.Count == 0)
            return found;
        await using var command = _dataSource.CreateCommand("SELECT dedupe_key FROM dedupe_key WHERE grain_type = $1 AND key = $2 AND dedupe_key = ANY($3)");
        command.Parameters.Add(new NpgsqlParameter { Value = grainType });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = dedupeKeys.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            found.Add(reader.GetString(0));
        return found;
    }

    public async Task<IReadOnlyList<StoredState>> ScanStatesAsync(string grainType, string keyPrefix, string? afterKey, int max, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var result = new List<StoredState>(Math.Min(max, 4096));
        // COLLATE "C": keys compare byte for byte, as the pages go on from the last key.
        await using var command = _dataSource.CreateCommand(
            "SELECT key, json, version, updated_at, origins FROM grain_state WHERE grain_type = $1 AND key COLLATE \"C\" > $2 COLLATE \"C\""
            + " AND left(key, length($3)) = $3 ORDER BY key COLLATE \"C\" LIMIT $4");
        command.Parameters.Add(new NpgsqlParameter { Value = grainType });
        command.Parameters.Add(new NpgsqlParameter { Value = afterKey ?? "" });
        command.Parameters.Add(new NpgsqlParameter { Value = keyPrefix });
        command.Parameters.Add(new NpgsqlParameter { Value = max });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(new StoredState(grainType, reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return result;
    }

    public async Task CommitAsync(GrainBatchCommit commit, CancellationToken ct)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var actual = await ReadCursorAsync(connection, transaction, commit.Cursor, forUpdate: true, ct);
        if (actual != commit.ExpectedOffset)
            throw new CursorMovedException(commit.Cursor, commit.ExpectedOffset, actual);
        var now = _clock.GetUtcNow();

        await using var batch = new NpgsqlBatch(connection, transaction);
        var cursorSql = commit.ExpectedOffset is null
            ? "INSERT INTO partition_cursor (consumer_group, epoch, topic, partition, applied_offset) VALUES ($1, $2, $3, $4, $5)"
            : "UPDATE partition_cursor SET applied_offset = $5 WHERE consumer_group = $1 AND epoch = $2 AND topic = $3 AND partition = $4";
        batch.BatchCommands.Add(Command(cursorSql,
            commit.Cursor.ConsumerGroup, commit.Cursor.Epoch, commit.Cursor.Topic, commit.Cursor.Partition, commit.AppliedOffset));
        if (commit.States.Count > 0)
        {
            batch.BatchCommands.Add(Command("""
                INSERT INTO grain_state (grain_type, key, json, version, updated_at)
                SELECT $1, k, j, v, $5 FROM unnest($2::text[], $3::text[], $4::bigint[]) AS t(k, j, v)
                ON CONFLICT (grain_type, key) DO UPDATE SET json = excluded.json, version = excluded.version, updated_at = excluded.updated_at
                """,
                commit.GrainType,
                commit.States.Select(s => s.Key).ToArray(),
                commit.States.Select(s => s.Json).ToArray(),
                commit.States.Select(s => s.Version).ToArray(),
                now));
        }
        PostgresStatements.AddOutbox(batch, [commit.Outbox], now);
        PostgresStatements.AddJournal(batch, [(commit.GrainType, commit.Journal, commit.JournalLength)]);
        try
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.TableName == "partition_cursor")
        {
            throw new CursorMovedException(commit.Cursor, commit.ExpectedOffset, null);
        }
        await AppendLedgerAsync(connection, transaction, commit.Ledger, ct);
        await transaction.CommitAsync(ct);
    }

    public Task<long> WriteGrainAsync(GrainWrite write, CancellationToken ct)
    {
        write.Validate();
        return _grainWriter.WriteAsync(write, ct);
    }

    public async Task ClearGrainAsync(string grainType, string key, long expectedVersion, CancellationToken ct)
    {
        if (expectedVersion == 0)
        {
            // Nothing stored is what the caller expects; a row means another activation wrote meanwhile.
            if (await ReadVersionAsync(grainType, key, ct) is { } stored)
                throw new GrainVersionConflictException(grainType, key, expectedVersion, stored);
            return;
        }
        await using var delete = _dataSource.CreateCommand("DELETE FROM grain_state WHERE grain_type = $1 AND key = $2 AND version = $3");
        delete.Parameters.Add(new NpgsqlParameter { Value = grainType });
        delete.Parameters.Add(new NpgsqlParameter { Value = key });
        delete.Parameters.Add(new NpgsqlParameter { Value = expectedVersion });
        if (await delete.ExecuteNonQueryAsync(ct) == 0)
            throw new GrainVersionConflictException(grainType, key, expectedVersion, await ReadVersionAsync(grainType, key, ct));
    }

    private async Task<long?> ReadVersionAsync(string grainType, string key, CancellationToken ct)
    {
        await using var command = _dataSource.CreateCommand("SELECT version FROM grain_state WHERE grain_type = $1 AND key = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = grainType });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        return await command.ExecuteScalarAsync(ct) is long version ? version : null;
    }

    public async Task<IOutboxLease> LeaseOutboxAsync(int max, CancellationToken ct)
    {
        var connection = await _dataSource.OpenConnectionAsync(ct);
        var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(
                "SELECT id, records FROM outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED", connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = max });
            var records = new List<OutboxRecord>();
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                    records.Add(new OutboxRecord(reader.GetInt64(0), OutboxPacking.Unpack(reader.GetFieldValue<byte[]>(1))));
            }
            return new PostgresOutboxLease(connection, transaction, records);
        }
        catch
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<long> CountOutboxAsync(CancellationToken ct)
    {
        await using var command = _dataSource.CreateCommand("SELECT count(*) FROM outbox");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public async ValueTask DisposeAsync()
    {
        await _grainWriter.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    private static async Task<long?> ReadCursorAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, PartitionCursor cursor, bool forUpdate, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT applied_offset FROM partition_cursor WHERE consumer_group = $1 AND epoch = $2 AND topic = $3 AND partition = $4"
            + (forUpdate ? " FOR UPDATE" : ""), connection, transaction);
        foreach (var value in new object[] { cursor.ConsumerGroup, cursor.Epoch, cursor.Topic, cursor.Partition })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return await command.ExecuteScalarAsync(ct) is long offset ? offset : null;
    }

    private static async Task AppendLedgerAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<LedgerWrite>? entries, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        await PostgresStatements.AddLedgerAsync(connection, transaction, batch, entries, ct);
        if (batch.BatchCommands.Count > 0)
            await batch.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(string grainType, string key, long afterSeq, CancellationToken ct)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT seq, kind, body, at FROM grain_journal WHERE grain_type = $1 AND key = $2 AND seq > $3 ORDER BY seq");
        command.Parameters.Add(new NpgsqlParameter { Value = grainType });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = afterSeq });
        var entries = new List<JournalEntry>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            entries.Add(new JournalEntry(key, reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        return entries;
    }

    public async Task<IReadOnlyList<LedgerRecord>> ReadLedgerAsync(long afterSeq, int max, CancellationToken ct)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT seq, at, grain_type, key, event_id, entry, prev_hash, hash FROM ledger WHERE seq > $1 ORDER BY seq LIMIT $2", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = afterSeq });
        command.Parameters.Add(new NpgsqlParameter { Value = max });
        var rows = new List<LedgerRecord>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var write = new LedgerWrite(reader.GetString(2), reader.GetString(3), reader.GetGuid(4),
                reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<byte[]>(5));
            rows.Add(new LedgerRecord(reader.GetInt64(0), write, reader.GetFieldValue<byte[]>(6), reader.GetFieldValue<byte[]>(7)));
        }
        return rows;
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values) => PostgresStatements.Command(sql, values);
}
