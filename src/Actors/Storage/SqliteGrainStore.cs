using Microsoft.Data.Sqlite;

namespace Commerce.Actors.Storage;

/// <summary>
/// The embedded default: one SQLite file in WAL mode. Writes go through one connection, one at a
/// time (SQLite has a single writer anyway); reads use their own pooled connections.
/// </summary>
public sealed class SqliteGrainStore : IGrainStore, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly TimeProvider _clock;
    private SqliteConnection? _writer;

    public SqliteGrainStore(string connectionString, TimeProvider clock)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 30 };
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        _connectionString = builder.ToString();
        _clock = clock;
    }

    public async Task InitializeAsync(CancellationToken ct)
    {
        _writer = new SqliteConnection(_connectionString);
        await _writer.OpenAsync(ct);
        await ExecuteAsync(_writer, """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA busy_timeout = 30000;
            CREATE TABLE IF NOT EXISTS grain_state (
                grain_type TEXT NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL,
                version INTEGER NOT NULL, updated_at INTEGER NOT NULL,
                PRIMARY KEY (grain_type, key)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS partition_cursor (
                consumer_group TEXT NOT NULL, epoch TEXT NOT NULL, topic TEXT NOT NULL, partition INTEGER NOT NULL,
                applied_offset INTEGER NOT NULL,
                PRIMARY KEY (consumer_group, epoch, topic, partition)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT, topic TEXT NOT NULL, key TEXT NOT NULL,
                value BLOB NOT NULL, created_at INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS processed_event (
                grain_type TEXT NOT NULL, event_id BLOB NOT NULL, processed_at INTEGER NOT NULL,
                PRIMARY KEY (grain_type, event_id)) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS processed_event_at ON processed_event (processed_at);
            """, ct);
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
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, json, version, updated_at FROM grain_state WHERE grain_type = $type AND key = $key";
        command.Parameters.AddWithValue("$type", grainType);
        var keyParameter = command.Parameters.Add("$key", SqliteType.Text);
        foreach (var key in keys)
        {
            keyParameter.Value = key;
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
                result[key] = new StoredState(grainType, key, reader.GetString(1), reader.GetInt64(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
        }
        return result;
    }

    public async Task<IReadOnlySet<Guid>> FindProcessedAsync(string grainType, IReadOnlyCollection<Guid> eventIds, CancellationToken ct)
    {
        var seen = new HashSet<Guid>();
        if (eventIds.Count == 0)
            return seen;
        await using var connection = await OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM processed_event WHERE grain_type = $type AND event_id = $id";
        command.Parameters.AddWithValue("$type", grainType);
        var idParameter = command.Parameters.Add("$id", SqliteType.Blob);
        foreach (var id in eventIds)
        {
            idParameter.Value = id.ToByteArray();
            if (await command.ExecuteScalarAsync(ct) is not null)
                seen.Add(id);
        }
        return seen;
    }

    public async Task CommitAsync(GrainBatchCommit commit, CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct);
        try
        {
            var writer = Writer;
            await using var transaction = (SqliteTransaction)await writer.BeginTransactionAsync(ct);
            var actual = await ReadCursorAsync(writer, transaction, commit.Cursor, ct);
            if (actual != commit.ExpectedOffset)
                throw new CursorMovedException(commit.Cursor, commit.ExpectedOffset, actual);
            var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
            await WriteCursorAsync(writer, transaction, commit, ct);
            await WriteStatesAsync(writer, transaction, commit, now, ct);
            await WriteOutboxAsync(writer, transaction, commit.Outbox, now, ct);
            await WriteProcessedAsync(writer, transaction, commit, now, ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<IOutboxLease> LeaseOutboxAsync(int max, CancellationToken ct)
    {
        await using var connection = await OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, topic, key, value FROM outbox ORDER BY id LIMIT $max";
        command.Parameters.AddWithValue("$max", max);
        var records = new List<OutboxRecord>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                records.Add(new OutboxRecord(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), (byte[])reader.GetValue(3)));
        }
        return new SqliteOutboxLease(this, records);
    }

    public async Task<int> PruneProcessedAsync(DateTimeOffset before, CancellationToken ct) =>
        await WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM processed_event WHERE processed_at < $before";
            command.Parameters.AddWithValue("$before", before.ToUnixTimeMilliseconds());
            return await command.ExecuteNonQueryAsync(ct);
        }, ct);

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
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM outbox WHERE id = $id";
            var idParameter = command.Parameters.Add("$id", SqliteType.Integer);
            foreach (var id in ids)
            {
                idParameter.Value = id;
                await command.ExecuteNonQueryAsync(ct);
            }
            return ids.Count;
        }, ct);

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
            await _writer.DisposeAsync();
        _writeGate.Dispose();
    }

    private SqliteConnection Writer => _writer ?? throw new InvalidOperationException("the store is not initialized");

    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct);
        try
        {
            await using var transaction = (SqliteTransaction)await Writer.BeginTransactionAsync(ct);
            var result = await work(Writer, transaction);
            await transaction.CommitAsync(ct);
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken ct)
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

    private static async Task WriteStatesAsync(SqliteConnection connection, SqliteTransaction transaction, GrainBatchCommit commit, long now, CancellationToken ct)
    {
        if (commit.States.Count == 0)
            return;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO grain_state (grain_type, key, json, version, updated_at) VALUES ($type, $key, $json, $version, $now)
            ON CONFLICT (grain_type, key) DO UPDATE SET json = excluded.json, version = excluded.version, updated_at = excluded.updated_at
            """;
        command.Parameters.AddWithValue("$type", commit.GrainType);
        command.Parameters.AddWithValue("$now", now);
        var key = command.Parameters.Add("$key", SqliteType.Text);
        var json = command.Parameters.Add("$json", SqliteType.Text);
        var version = command.Parameters.Add("$version", SqliteType.Integer);
        foreach (var state in commit.States)
        {
            key.Value = state.Key;
            json.Value = state.Json;
            version.Value = state.Version;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task WriteOutboxAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<OutboxWrite> outbox, long now, CancellationToken ct)
    {
        if (outbox.Count == 0)
            return;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO outbox (topic, key, value, created_at) VALUES ($topic, $key, $value, $now)";
        command.Parameters.AddWithValue("$now", now);
        var topic = command.Parameters.Add("$topic", SqliteType.Text);
        var key = command.Parameters.Add("$key", SqliteType.Text);
        var value = command.Parameters.Add("$value", SqliteType.Blob);
        foreach (var write in outbox)
        {
            topic.Value = write.Topic;
            key.Value = write.Key;
            value.Value = write.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task WriteProcessedAsync(SqliteConnection connection, SqliteTransaction transaction, GrainBatchCommit commit, long now, CancellationToken ct)
    {
        if (commit.ProcessedEventIds.Count == 0)
            return;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR IGNORE INTO processed_event (grain_type, event_id, processed_at) VALUES ($type, $id, $now)";
        command.Parameters.AddWithValue("$type", commit.GrainType);
        command.Parameters.AddWithValue("$now", now);
        var id = command.Parameters.Add("$id", SqliteType.Blob);
        foreach (var eventId in commit.ProcessedEventIds)
        {
            id.Value = eventId.ToByteArray();
            await command.ExecuteNonQueryAsync(ct);
        }
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
