using Commerce.Actors.Ledger;
using Microsoft.Data.Sqlite;

namespace Commerce.Actors.Storage;

/// <summary>
/// The embedded default: one SQLite file in WAL mode. Writes go through one connection, one at a
/// time (SQLite has a single writer anyway); reads use their own pooled connections.
/// </summary>
public sealed class SqliteGrainStore : IGrainStore, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly TimeProvider _clock;
    private SqliteConnection? _writer;
    private SqliteGroupCommitter? _committer;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _checkpointer;
    private SqliteRowBatch? _stateUpsert;
    private SqliteRowBatch? _journalInsert;
    private SqliteInQuery? _outboxDelete;
    private SqliteGrainWriteCommands? _grainWrite;
    private SqliteDedupeKeys? _dedupeKeys;
    private SqliteGrainWriteQueue? _grainWrites;
    private SqliteCommand? _outboxInsert;
    private readonly Lock _initializeGate = new();
    private Task? _initialized;

    public SqliteGrainStore(string connectionString, TimeProvider clock)
    {
        _connectionString = SqliteConnectionStrings.Prepare(connectionString);
        _clock = clock;
    }

    /// <summary>
    /// Opens the writer and creates the schema, once: several services call this at start (the platform, the chain
    /// watchers) and may do so at the same time. A second initialization used to open a second writer and prepare the
    /// statements on one connection while the group committer wrote on the other, so every later write failed with
    /// "The transaction object is not associated with the same connection object as this command". A failed attempt
    /// may be retried.
    /// </summary>
    public Task InitializeAsync(CancellationToken ct)
    {
        lock (_initializeGate)
        {
            if (_initialized is null || _initialized.IsFaulted || _initialized.IsCanceled)
                _initialized = InitializeOnceAsync(ct);
            return _initialized;
        }
    }

    private async Task InitializeOnceAsync(CancellationToken ct)
    {
        _writer = await OpenWriterAsync(ct);
        await MoveJournalToRingAsync(_writer, ct);
        await ExecuteAsync(_writer, """
            -- A rowid table: states are large rows, which WITHOUT ROWID tables store poorly.
            CREATE TABLE IF NOT EXISTS grain_state (
                grain_type TEXT NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL,
                version INTEGER NOT NULL, updated_at INTEGER NOT NULL, origins TEXT,
                UNIQUE (grain_type, key));
            CREATE TABLE IF NOT EXISTS partition_cursor (
                consumer_group TEXT NOT NULL, epoch TEXT NOT NULL, topic TEXT NOT NULL, partition INTEGER NOT NULL,
                applied_offset INTEGER NOT NULL,
                PRIMARY KEY (consumer_group, epoch, topic, partition)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT, records BLOB NOT NULL, created_at INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS ledger (
                seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, grain_type TEXT NOT NULL, key TEXT NOT NULL,
                event_id BLOB NOT NULL, entry BLOB NOT NULL, prev_hash BLOB NOT NULL, hash BLOB NOT NULL);
            -- A ring per key: entry seq goes to slot seq % the grain type's journal length, replacing the entry it
            -- outlived, so keeping the newest entries costs no delete.
            CREATE TABLE IF NOT EXISTS grain_journal (
                grain_type TEXT NOT NULL, key TEXT NOT NULL, slot INTEGER NOT NULL, seq INTEGER NOT NULL,
                kind TEXT NOT NULL, body TEXT NOT NULL, at INTEGER NOT NULL,
                PRIMARY KEY (grain_type, key, slot)) WITHOUT ROWID;
            -- The old grain runtime's processed event ids and reminders (Orleans reminders use the reminders table).
            DROP TABLE IF EXISTS processed_event;
            DROP TABLE IF EXISTS reminder;
            """, ct);
        await ExecuteAsync(_writer, SqliteDedupeKeys.Schema, ct);
        await AddOriginsColumnAsync(_writer, ct);
        PrepareWriter(_writer);
        _committer = new SqliteGroupCommitter(_writer, ReopenWriterAsync);
        _grainWrites = new SqliteGrainWriteQueue(_committer, WriteGrainGroupAsync);
        // Its own thread: a checkpoint blocks on file I/O for tens of milliseconds, which a pool thread must not.
        _checkpointer = Task.Factory.StartNew(() => CheckpointLoop(_stopping.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>
    /// The journal's entries as the ring keeps them, in a database whose journal was kept by sequence number (one row per
    /// entry, older ones deleted): its entries move to their slots. Only player sessions kept a journal then, the newest
    /// <see cref="JournalLengthBeforeRing"/> entries per key, so each entry's slot is its number modulo that.
    /// </summary>
    private static async Task MoveJournalToRingAsync(SqliteConnection writer, CancellationToken ct)
    {
        await using var probe = writer.CreateCommand();
        probe.CommandText = """
            SELECT (SELECT COUNT(*) FROM pragma_table_info('grain_journal')), (SELECT COUNT(*) FROM pragma_table_info('grain_journal') WHERE name = 'slot')
            """;
        await using (var reader = await probe.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            if (reader.GetInt64(0) == 0 || reader.GetInt64(1) == 1)
                return; // no journal yet, or already a ring
        }
        await ExecuteAsync(writer, $"""
            BEGIN;
            ALTER TABLE grain_journal RENAME TO grain_journal_by_seq;
            CREATE TABLE grain_journal (
                grain_type TEXT NOT NULL, key TEXT NOT NULL, slot INTEGER NOT NULL, seq INTEGER NOT NULL,
                kind TEXT NOT NULL, body TEXT NOT NULL, at INTEGER NOT NULL,
                PRIMARY KEY (grain_type, key, slot)) WITHOUT ROWID;
            INSERT OR REPLACE INTO grain_journal (grain_type, key, slot, seq, kind, body, at)
                SELECT grain_type, key, seq % {JournalLengthBeforeRing}, seq, kind, body, at FROM grain_journal_by_seq ORDER BY seq;
            DROP TABLE grain_journal_by_seq;
            COMMIT;
            """, ct);
    }

    /// <summary>The journal length of the only grain type that kept a journal before the ring (player pushes).</summary>
    private const int JournalLengthBeforeRing = 32;

    /// <summary>Databases created before grain_state had the origins column get it (NULL in the rows already there).</summary>
    private static async Task AddOriginsColumnAsync(SqliteConnection writer, CancellationToken ct)
    {
        await using var probe = writer.CreateCommand();
        probe.CommandText = "SELECT COUNT(*) FROM pragma_table_info('grain_state') WHERE name = 'origins'";
        if ((long)(await probe.ExecuteScalarAsync(ct))! == 0)
            await ExecuteAsync(writer, "ALTER TABLE grain_state ADD COLUMN origins TEXT", ct);
    }

    /// <summary>Writer connections opened: one, plus one each time the committer replaced a connection that went wrong.</summary>
    public int WritersOpened => _writersOpened;

    private int _writersOpened;

    /// <summary>The writer connection, with the settings every writer needs (they are per connection).</summary>
    private async Task<SqliteConnection> OpenWriterAsync(CancellationToken ct)
    {
        var writer = new SqliteConnection(_connectionString);
        await writer.OpenAsync(ct);
        Interlocked.Increment(ref _writersOpened);
        await ExecuteAsync(writer, """
            -- Every state update rewrites whole pages into the WAL and the checkpoint copies them back: 4 KiB pages
            -- wrote half the bytes of 16 KiB ones per event and shortened the checkpoints that set the p99.
            PRAGMA page_size = 4096;
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA wal_autocheckpoint = 0;
            PRAGMA busy_timeout = 30000;
            PRAGMA cache_size = -65536;
            PRAGMA temp_store = MEMORY;
            """, ct);
        return writer;
    }

    /// <summary>The statements prepared once on the writer connection.</summary>
    private void PrepareWriter(SqliteConnection writer)
    {
        _stateUpsert = new SqliteRowBatch(writer,
            "INSERT INTO grain_state (grain_type, key, json, version, updated_at) VALUES", "($f0, {0}, {1}, {2}, $f1)",
            "ON CONFLICT (grain_type, key) DO UPDATE SET json = excluded.json, version = excluded.version, updated_at = excluded.updated_at",
            columns: 3, fixedParameters: 2);
        _journalInsert = new SqliteRowBatch(writer,
            "INSERT OR REPLACE INTO grain_journal (grain_type, key, slot, seq, kind, body, at) VALUES", "($f0, {0}, {1} % $f1, {1}, {2}, {3}, {4})", "",
            columns: 5, fixedParameters: 2);
        _outboxDelete = new SqliteInQuery(writer, "DELETE FROM outbox WHERE $f0 = $f0 AND id IN ({in})");
        _grainWrite = new SqliteGrainWriteCommands(writer);
        _dedupeKeys = new SqliteDedupeKeys(writer);
        _outboxInsert = writer.CreateCommand();
        _outboxInsert.CommandText = "INSERT INTO outbox (records, created_at) VALUES ($records, $now)";
        _outboxInsert.Parameters.Add("$records", SqliteType.Blob);
        _outboxInsert.Parameters.Add("$now", SqliteType.Integer);
    }

    /// <summary>Called by the committer, between groups, when the writer connection went wrong.</summary>
    private async Task<SqliteConnection> ReopenWriterAsync(SqliteConnection broken)
    {
        await broken.DisposeAsync();
        var writer = await OpenWriterAsync(CancellationToken.None);
        PrepareWriter(writer);
        _writer = writer;
        return writer;
    }

    public async Task<long?> LoadCursorAsync(PartitionCursor cursor, CancellationToken ct)
    {
        await using var connection = await OpenReaderAsync(ct);
        return await ReadCursorAsync(connection, null, cursor, ct);
    }

    public async Task<StoredState?> LoadStateAsync(string grainType, string key, CancellationToken ct)
    {
        var states = await LoadStatesAsync(grainType, [key], ct);
        return states.GetValueOrDefault(key);
    }

    public async Task<IReadOnlyDictionary<string, StoredState>> LoadStatesAsync(string grainType, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var result = new Dictionary<string, StoredState>(keys.Count);
        if (keys.Count == 0)
            return result;
        await using var connection = await OpenReaderAsync(ct);
        var query = new SqliteInQuery(connection, "SELECT key, json, version, updated_at, origins FROM grain_state WHERE grain_type = $f0 AND key IN ({in})");
        await query.ReadAsync(grainType, keys.ToList(), k => k, reader =>
        {
            var key = reader.GetString(0);
            result[key] = new StoredState(grainType, key, reader.GetString(1), reader.GetInt64(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.IsDBNull(4) ? null : reader.GetString(4));
        }, ct);
        return result;
    }

    public async Task<IReadOnlySet<string>> LoadDedupeKeysAsync(string grainType, string key, IReadOnlyCollection<string> dedupeKeys, CancellationToken ct)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (dedupeKeys.Count == 0)
            return found;
        await using var connection = await OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT dedupe_key FROM dedupe_key WHERE grain_type = $type AND key = $key AND dedupe_key = $dedupe";
        command.Parameters.AddWithValue("$type", grainType);
        command.Parameters.AddWithValue("$key", key);
        var dedupe = command.Parameters.Add("$dedupe", SqliteType.Text);
        foreach (var dedupeKey in dedupeKeys)
        {
            dedupe.Value = dedupeKey;
            if (await command.ExecuteScalarAsync(ct) is not null)
                found.Add(dedupeKey);
        }
        return found;
    }

    public async Task<IReadOnlyList<StoredState>> ScanStatesAsync(string grainType, string keyPrefix, string? afterKey, int max, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var result = new List<StoredState>(Math.Min(max, 4096));
        await using var connection = await OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        // The key index serves the range; substr keeps only the prefix's keys (a prefix is compared byte for byte).
        command.CommandText = "SELECT key, json, version, updated_at, origins FROM grain_state WHERE grain_type = $type AND key > $after"
            + " AND key >= $prefix AND substr(key, 1, length($prefix)) = $prefix ORDER BY key LIMIT $max";
        command.Parameters.AddWithValue("$type", grainType);
        command.Parameters.AddWithValue("$after", afterKey ?? "");
        command.Parameters.AddWithValue("$prefix", keyPrefix);
        command.Parameters.AddWithValue("$max", max);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(new StoredState(grainType, reader.GetString(0), reader.GetString(1), reader.GetInt64(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return result;
    }

    public Task CommitAsync(GrainBatchCommit commit, CancellationToken ct) =>
        WriteAsync(async (writer, transaction) =>
        {
            var actual = await ReadCursorAsync(writer, transaction, commit.Cursor, ct);
            if (actual != commit.ExpectedOffset)
                throw new CursorMovedException(commit.Cursor, commit.ExpectedOffset, actual);
            var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
            await WriteCursorAsync(writer, transaction, commit, ct);
            await WriteStatesAsync(transaction, commit, now, ct);
            await WriteOutboxAsync(writer, transaction, commit.Outbox, now, ct);
            await AppendLedgerAsync(writer, transaction, commit.Ledger, ct);
            await AppendJournalAsync(writer, transaction, commit.GrainType, commit.Journal, commit.JournalLength, ct);
            return true;
        }, ct);

    /// <summary>
    /// In the group committer's transaction, under a savepoint of its own: the conditional state statement first; when
    /// it changed no row the write throws, so the committer rolls the savepoint back and no effect is written.
    /// </summary>
    public Task<long> WriteGrainAsync(GrainWrite write, CancellationToken ct)
    {
        write.Validate();
        return (_grainWrites ?? throw new InvalidOperationException("the store is not initialized")).WriteAsync(write);
    }

    /// <summary>
    /// One group of grain writes in one piece of the committer's transaction: each state row is written only if its
    /// version is the expected one (no savepoint needed: a refused write changed nothing), then the effects of the
    /// writes that were stored: one outbox row for the group, the ledger entries in order, the journal entries. A write
    /// naming a dedupe key stored already (or by an earlier write of the group) is refused before its state is written.
    /// </summary>
    private async Task WriteGrainGroupAsync(IReadOnlyList<PendingGrainWrite> group, SqliteConnection writer, SqliteTransaction transaction)
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var outbox = new List<OutboxWrite>();
        var ledger = new List<LedgerWrite>();
        var journals = new Dictionary<(string Type, int Length), List<JournalEntry>>();
        var dedupeKeys = new HashSet<(string, string, string)>();
        foreach (var pending in group)
        {
            var write = pending.Write;
            if (write.DedupeKeys is { Count: > 0 } && await _dedupeKeys!.TakenAsync(transaction, write, dedupeKeys, CancellationToken.None) is { Count: > 0 } taken)
            {
                pending.Conflict = new DedupeKeyTakenException(write.GrainType, write.Key, taken);
                continue;
            }
            if (!await _grainWrite!.TryWriteStateAsync(transaction, write, now, CancellationToken.None))
            {
                pending.Conflict = new GrainVersionConflictException(write.GrainType, write.Key, write.ExpectedVersion,
                    await _grainWrite.ReadVersionAsync(transaction, write.GrainType, write.Key, CancellationToken.None));
                continue;
            }
            pending.Conflict = null;
            pending.Version = write.ExpectedVersion + 1;
            if (write.DedupeKeys is { Count: > 0 })
                await _dedupeKeys!.InsertAsync(transaction, write, now, dedupeKeys, CancellationToken.None);
            outbox.AddRange(write.Outbox);
            ledger.AddRange(write.Ledger);
            if (write.Journal.Count > 0)
            {
                if (!journals.TryGetValue((write.GrainType, write.JournalLength), out var entries))
                    journals[(write.GrainType, write.JournalLength)] = entries = [];
                entries.AddRange(write.Journal);
            }
        }
        await WriteOutboxAsync(writer, transaction, outbox, now, CancellationToken.None);
        await AppendLedgerAsync(writer, transaction, ledger, CancellationToken.None);
        foreach (var ((type, length), entries) in journals)
            await AppendJournalAsync(writer, transaction, type, entries, length, CancellationToken.None);
    }

    public Task ClearGrainAsync(string grainType, string key, long expectedVersion, CancellationToken ct) =>
        WriteAsync(async (_, transaction) =>
        {
            if (!await _grainWrite!.TryClearAsync(transaction, grainType, key, expectedVersion, ct))
                throw new GrainVersionConflictException(grainType, key, expectedVersion, await _grainWrite.ReadVersionAsync(transaction, grainType, key, ct));
            return true;
        }, ct);

    public async Task<IOutboxLease> LeaseOutboxAsync(int max, CancellationToken ct)
    {
        await using var connection = await OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, records FROM outbox ORDER BY id LIMIT $max";
        command.Parameters.AddWithValue("$max", max);
        var records = new List<OutboxRecord>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                records.Add(new OutboxRecord(reader.GetInt64(0), OutboxPacking.Unpack((byte[])reader.GetValue(1))));
        }
        return new SqliteOutboxLease(this, records);
    }

    public async Task<long> CountOutboxAsync(CancellationToken ct)
    {
        await using var connection = await OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM outbox";
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    internal Task DeleteOutboxAsync(IReadOnlyCollection<long> ids, CancellationToken ct) =>
        WriteAsync(async (connection, transaction) =>
        {
            _outboxDelete!.UseTransaction(transaction);
            await _outboxDelete.ReadAsync(1, ids.ToList(), id => id, _ => { }, ct);
            return ids.Count;
        }, ct);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_checkpointer is not null)
            await _checkpointer;
        if (_committer is not null)
            await _committer.DisposeAsync();
        if (_writer is not null)
            await _writer.DisposeAsync();
    }

    /// <summary>
    /// Checkpoints the WAL from its own connection once a second (PASSIVE: never blocks the writer),
    /// so the writer's commits never pay for copying pages back and syncing the database file.
    /// </summary>
    private void CheckpointLoop(CancellationToken ct)
    {
        using var connection = new SqliteConnection(_connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        connection.Open();
        while (!ct.WaitHandle.WaitOne(TimeSpan.FromSeconds(1)))
        {
            try
            {
                command.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // The next tick tries again; a failed checkpoint only leaves the WAL longer.
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the single writer connection, inside the next group transaction under a savepoint of
    /// its own (an exception undoes only this work); completes once that transaction committed. For tables that share the
    /// database file (the reminder table, the host's tables), so that SQLite keeps one writer: a second connection
    /// writing the same file waits in SQLite's busy handler, which sleeps tens of milliseconds at a time.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken ct) =>
        (_committer ?? throw new InvalidOperationException("the store is not initialized")).WriteAsync(work, ct);

    /// <summary>A pooled read connection of its own (WAL: readers never wait for the writer).</summary>
    internal async Task<SqliteConnection> OpenReaderAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    private static async Task<long?> ReadCursorAsync(SqliteConnection connection, SqliteTransaction? transaction, PartitionCursor cursor, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT applied_offset FROM partition_cursor
            WHERE consumer_group = $group AND epoch = $epoch AND topic = $topic AND partition = $partition
            """;
        AddCursor(command, cursor);
        return await command.ExecuteScalarAsync(ct) is long offset ? offset : null;
    }

    private static async Task WriteCursorAsync(SqliteConnection connection, SqliteTransaction transaction, GrainBatchCommit commit, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO partition_cursor (consumer_group, epoch, topic, partition, applied_offset)
            VALUES ($group, $epoch, $topic, $partition, $offset)
            ON CONFLICT (consumer_group, epoch, topic, partition) DO UPDATE SET applied_offset = excluded.applied_offset
            """;
        AddCursor(command, commit.Cursor);
        command.Parameters.AddWithValue("$offset", commit.AppliedOffset);
        await command.ExecuteNonQueryAsync(ct);
    }

    private Task WriteStatesAsync(SqliteTransaction transaction, GrainBatchCommit commit, long now, CancellationToken ct) =>
        _stateUpsert!.ExecuteAsync(transaction, commit.States, [commit.GrainType, now], static (state, row) =>
        {
            row[0] = state.Key;
            row[1] = state.Json;
            row[2] = state.Version;
        }, ct);

    private async Task WriteOutboxAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<OutboxWrite> outbox, long now, CancellationToken ct)
    {
        if (outbox.Count == 0)
            return;
        var command = _outboxInsert!;
        command.Transaction = transaction;
        command.Parameters["$records"].Value = OutboxPacking.Pack(outbox);
        command.Parameters["$now"].Value = now;
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Chains the commit's ledger entries after the last stored one. The head is read inside the write
    /// transaction (one writer), so a rolled-back write leaves no trace in the chain.
    /// </summary>
    private static async Task AppendLedgerAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<LedgerWrite>? entries, CancellationToken ct)
    {
        if (entries is not { Count: > 0 })
            return;
        await using var head = connection.CreateCommand();
        head.Transaction = transaction;
        head.CommandText = "SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1";
        long seq = 0;
        var previous = LedgerChain.Genesis;
        await using (var reader = await head.ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct))
            {
                seq = reader.GetInt64(0);
                previous = (byte[])reader.GetValue(1);
            }
        }
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO ledger (seq, at, grain_type, key, event_id, entry, prev_hash, hash)
            VALUES ($seq, $at, $type, $key, $event, $entry, $prev, $hash)
            """;
        foreach (var write in entries)
        {
            seq++;
            var hash = LedgerChain.Hash(previous, seq, write);
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$seq", seq);
            insert.Parameters.AddWithValue("$at", write.At.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$type", write.GrainType);
            insert.Parameters.AddWithValue("$key", write.Key);
            insert.Parameters.AddWithValue("$event", write.EventId.ToByteArray());
            insert.Parameters.AddWithValue("$entry", write.Entry);
            insert.Parameters.AddWithValue("$prev", previous);
            insert.Parameters.AddWithValue("$hash", hash);
            await insert.ExecuteNonQueryAsync(ct);
            previous = hash;
        }
    }

    /// <summary>
    /// Puts a commit's journal entries in their keys' rings: entry seq replaces the one in slot seq % <paramref name="journalLength"/>,
    /// so each key keeps its newest <paramref name="journalLength"/> entries without a delete.
    /// </summary>
    private async Task AppendJournalAsync(SqliteConnection connection, SqliteTransaction transaction, string grainType, IReadOnlyList<JournalEntry>? entries, int journalLength, CancellationToken ct)
    {
        if (entries is not { Count: > 0 })
            return;
        await _journalInsert!.ExecuteAsync(transaction, entries, [grainType, journalLength], static (entry, row) =>
        {
            row[0] = entry.Key;
            row[1] = entry.Seq;
            row[2] = entry.Kind;
            row[3] = entry.BodyJson;
            row[4] = entry.At.ToUnixTimeMilliseconds();
        }, ct);
    }

    public async Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(string grainType, string key, long afterSeq, CancellationToken ct)
    {
        await using var connection = await OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, kind, body, at FROM grain_journal WHERE grain_type = $type AND key = $key AND seq > $after ORDER BY seq";
        command.Parameters.AddWithValue("$type", grainType);
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$after", afterSeq);
        var entries = new List<JournalEntry>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            entries.Add(new JournalEntry(key, reader.GetInt64(0), reader.GetString(1), reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
        return entries;
    }

    public async Task<IReadOnlyList<LedgerRecord>> ReadLedgerAsync(long afterSeq, int max, CancellationToken ct)
    {
        await using var connection = await OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, at, grain_type, key, event_id, entry, prev_hash, hash FROM ledger WHERE seq > $after ORDER BY seq LIMIT $max";
        command.Parameters.AddWithValue("$after", afterSeq);
        command.Parameters.AddWithValue("$max", max);
        var rows = new List<LedgerRecord>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var write = new LedgerWrite(reader.GetString(2), reader.GetString(3), new Guid((byte[])reader.GetValue(4)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), (byte[])reader.GetValue(5));
            rows.Add(new LedgerRecord(reader.GetInt64(0), write, (byte[])reader.GetValue(6), (byte[])reader.GetValue(7)));
        }
        return rows;
    }

    private static void AddCursor(SqliteCommand command, PartitionCursor cursor)
    {
        command.Parameters.AddWithValue("$group", cursor.ConsumerGroup);
        command.Parameters.AddWithValue("$epoch", cursor.Epoch);
        command.Parameters.AddWithValue("$topic", cursor.Topic);
        command.Parameters.AddWithValue("$partition", cursor.Partition);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
