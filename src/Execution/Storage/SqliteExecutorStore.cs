using System.Data.Common;
using Commerce.Actors.Storage;
using Commerce.Chain.Crypto;
using Microsoft.Data.Sqlite;

namespace Commerce.Execution.Storage;

/// <summary>
/// The embedded default: the executor's tables (prefixed exec_) in a SQLite file in WAL mode,
/// which may be the grain store's file. Writes go through one connection, one transaction at a
/// time; reads use pooled connections of their own.
/// </summary>
public sealed class SqliteExecutorStore : IExecutorStore, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private SqliteConnection? _writer;

    public SqliteExecutorStore(string connectionString, TimeProvider clock)
    {
        _connectionString = SqliteConnectionStrings.Prepare(connectionString);
        _clock = clock;
    }

    public async Task InitializeAsync(CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct);
        try
        {
            if (_writer is null)
                await CreateSchemaAsync(ct);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task CreateSchemaAsync(CancellationToken ct)
    {
        var writer = new SqliteConnection(_connectionString);
        await writer.OpenAsync(ct);
        _writer = writer;
        await using var command = _writer.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA busy_timeout = 30000;
            CREATE TABLE IF NOT EXISTS exec_sender (
                sender TEXT PRIMARY KEY, next_nonce INTEGER NOT NULL, updated_at INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS exec_command (
                command_id TEXT PRIMARY KEY, sender TEXT NOT NULL, nonce INTEGER, kind TEXT NOT NULL, to_address TEXT NOT NULL,
                value TEXT NOT NULL, data BLOB NOT NULL, gas_limit INTEGER NOT NULL, fee_ceiling TEXT NOT NULL, status INTEGER NOT NULL,
                reason TEXT, mined_hash TEXT, block_number INTEGER, block_hash TEXT, succeeded INTEGER, last_sent_at INTEGER,
                last_error TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, requester TEXT);
            CREATE UNIQUE INDEX IF NOT EXISTS exec_command_nonce ON exec_command (sender, nonce) WHERE nonce IS NOT NULL;
            CREATE INDEX IF NOT EXISTS exec_command_open ON exec_command (sender, status, nonce);
            CREATE TABLE IF NOT EXISTS exec_attempt (
                command_id TEXT NOT NULL, number INTEGER NOT NULL, tx_hash TEXT NOT NULL UNIQUE, raw BLOB NOT NULL,
                max_fee TEXT NOT NULL, tip TEXT NOT NULL, is_cancel INTEGER NOT NULL, created_at INTEGER NOT NULL,
                PRIMARY KEY (command_id, number)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS exec_cursor (
                consumer_group TEXT NOT NULL, epoch TEXT NOT NULL, topic TEXT NOT NULL, partition INTEGER NOT NULL,
                applied_offset INTEGER NOT NULL,
                PRIMARY KEY (consumer_group, epoch, topic, partition)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS exec_outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT, records BLOB NOT NULL, created_at INTEGER NOT NULL);
            """;
        await command.ExecuteNonQueryAsync(ct);
        // Tables made before commands kept their requester (SQLite has no ADD COLUMN IF NOT EXISTS).
        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info('exec_command') WHERE name = 'requester'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            command.CommandText = "ALTER TABLE exec_command ADD COLUMN requester TEXT";
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task<long?> LoadCursorAsync(PartitionCursor cursor, CancellationToken ct)
    {
        await using var connection = await OpenReaderAsync(ct);
        return await ReadCursorAsync(connection, null, cursor, ct);
    }

    public async Task<ulong?> LoadNextNonceAsync(EthAddress sender, CancellationToken ct)
    {
        await using var connection = await OpenReaderAsync(ct);
        return await ReadNextNonceAsync(connection, null, sender, ct);
    }

    public async Task<IReadOnlySet<string>> FindCommandsAsync(IReadOnlyCollection<string> commandIds, CancellationToken ct)
    {
        var found = new HashSet<string>();
        if (commandIds.Count == 0)
            return found;
        await using var connection = await OpenReaderAsync(ct);
        foreach (var chunk in commandIds.Chunk(500))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT command_id FROM exec_command WHERE command_id IN ({string.Join(",", chunk.Select((_, i) => "$p" + i))})";
            for (var i = 0; i < chunk.Length; i++)
                command.Parameters.AddWithValue("$p" + i, chunk[i]);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                found.Add(reader.GetString(0));
        }
        return found;
    }

    public Task AcceptAsync(AcceptedBatch batch, CancellationToken ct) => WriteAsync(async (connection, transaction) =>
    {
        if (batch.Cursor is { } cursor)
        {
            var actual = await ReadCursorAsync(connection, transaction, cursor, ct);
            if (actual != batch.ExpectedOffset)
                throw new CursorMovedException(cursor, batch.ExpectedOffset, actual);
            await ExecuteAsync(connection, transaction, """
                INSERT INTO exec_cursor (consumer_group, epoch, topic, partition, applied_offset) VALUES ($g, $e, $t, $p, $o)
                ON CONFLICT (consumer_group, epoch, topic, partition) DO UPDATE SET applied_offset = excluded.applied_offset
                """, ct, ("$g", cursor.ConsumerGroup), ("$e", cursor.Epoch), ("$t", cursor.Topic), ("$p", cursor.Partition), ("$o", batch.AppliedOffset));
        }
        if (batch.ExpectedNextNonce != batch.NextNonce)
            await MoveNonceAsync(connection, transaction, batch.Sender, batch.ExpectedNextNonce, batch.NextNonce, ct);
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        await InsertCommandsAsync(connection, transaction, batch.Commands, now, ct);
        await InsertAttemptsAsync(connection, transaction, batch.Commands.SelectMany(c => c.Attempts.Select(a => (c.CommandId, a))).ToList(), ct);
        await InsertOutboxAsync(connection, transaction, batch.Outbox, now, ct);
    }, ct);

    public Task SetNextNonceAsync(EthAddress sender, ulong? expected, ulong next, CancellationToken ct) =>
        WriteAsync((connection, transaction) => MoveNonceAsync(connection, transaction, sender, expected, next, ct), ct);

    public Task CommitAsync(TrackerCommit commit, CancellationToken ct) => WriteAsync(async (connection, transaction) =>
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (commit.Changed.Count > 0)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE exec_command SET status = $status, reason = $reason, mined_hash = $mined, block_number = $block, block_hash = $blockHash,
                    succeeded = $ok, last_sent_at = $sent, last_error = $error, updated_at = $now
                WHERE command_id = $id
                """;
            var p = new[] { "$status", "$reason", "$mined", "$block", "$blockHash", "$ok", "$sent", "$error", "$now", "$id" }
                .Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
            foreach (var c in commit.Changed)
            {
                var v = StoredRows.StateValues(c);
                for (var i = 0; i < v.Length; i++)
                    p[i].Value = v[i];
                p[8].Value = now;
                p[9].Value = c.CommandId;
                if (await command.ExecuteNonQueryAsync(ct) != 1)
                    throw new InvalidOperationException($"command {c.CommandId} is not stored");
            }
        }
        await InsertAttemptsAsync(connection, transaction, commit.NewAttempts, ct);
        await InsertOutboxAsync(connection, transaction, commit.Outbox, now, ct);
    }, ct);

    public async Task<IReadOnlyList<ExecutorCommand>> LoadOpenAsync(EthAddress sender, ulong? afterNonce, CancellationToken ct) =>
        await LoadAsync("c.sender = $s AND c.status IN (1, 2, 3) AND c.nonce > $after", sender, afterNonce is { } a ? (long)a : -1, ct);

    public async Task<IReadOnlyList<ExecutorCommand>> LoadAllAsync(EthAddress sender, CancellationToken ct) =>
        await LoadAsync("c.sender = $s AND c.nonce > $after", sender, -1, ct);

    public async Task<long> CountUnminedAsync(EthAddress sender, CancellationToken ct)
    {
        await using var connection = await OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM exec_command WHERE sender = $s AND status IN (1, 2)";
        command.Parameters.AddWithValue("$s", StoredRows.Address(sender));
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public async Task<ExecutorCommand?> LoadCommandAsync(string commandId, CancellationToken ct)
    {
        await using var connection = await OpenReaderAsync(ct);
        var commands = await ReadCommandsAsync(connection, $"SELECT {StoredRows.CommandColumns} FROM exec_command WHERE command_id = $id", ("$id", commandId), ct);
        var attempts = await ReadAttemptsAsync(connection, $"SELECT {StoredRows.AttemptColumns} FROM exec_attempt WHERE command_id = $id", ("$id", commandId), ct);
        return StoredRows.Join(commands, attempts).SingleOrDefault();
    }

    public async Task<IOutboxLease> LeaseOutboxAsync(int maxRows, CancellationToken ct)
    {
        await using var connection = await OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, records FROM exec_outbox ORDER BY id LIMIT $max";
        command.Parameters.AddWithValue("$max", maxRows);
        var records = new List<OutboxRecord>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                records.Add(new OutboxRecord(reader.GetInt64(0), OutboxPacking.Unpack((byte[])reader.GetValue(1))));
        }
        return new Lease(this, records);
    }

    public async Task<long> CountOutboxAsync(CancellationToken ct)
    {
        await using var connection = await OpenReaderAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM exec_outbox";
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public async ValueTask DisposeAsync()
    {
        // Let a write in progress finish first; later writes find no writer and fail.
        await _writeGate.WaitAsync();
        try
        {
            if (_writer is not null)
                await _writer.DisposeAsync();
            _writer = null;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<List<ExecutorCommand>> LoadAsync(string where, EthAddress sender, long after, CancellationToken ct)
    {
        await using var connection = await OpenReaderAsync(ct);
        // One read transaction, so the attempts match the commands.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var s = StoredRows.Address(sender);
        var commands = await ReadCommandsAsync(connection, $"SELECT {StoredRows.CommandColumns} FROM exec_command c WHERE {where} ORDER BY c.nonce",
            ct, transaction, ("$s", s), ("$after", after));
        var attempts = await ReadAttemptsAsync(connection,
            $"SELECT {string.Join(", ", StoredRows.AttemptColumns.Split(", ").Select(c => "a." + c))} FROM exec_attempt a JOIN exec_command c ON c.command_id = a.command_id WHERE {where}",
            ct, transaction, ("$s", s), ("$after", after));
        return StoredRows.Join(commands, attempts);
    }

    private async Task WriteAsync(Func<SqliteConnection, SqliteTransaction, Task> work, CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct);
        try
        {
            var writer = _writer ?? throw new InvalidOperationException("the executor store is not initialized (or disposed)");
            await using var transaction = (SqliteTransaction)await writer.BeginTransactionAsync(ct);
            await work(writer, transaction);
            await transaction.CommitAsync(ct);
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
        command.CommandText = "SELECT applied_offset FROM exec_cursor WHERE consumer_group = $g AND epoch = $e AND topic = $t AND partition = $p";
        command.Parameters.AddWithValue("$g", cursor.ConsumerGroup);
        command.Parameters.AddWithValue("$e", cursor.Epoch);
        command.Parameters.AddWithValue("$t", cursor.Topic);
        command.Parameters.AddWithValue("$p", cursor.Partition);
        return await command.ExecuteScalarAsync(ct) is long offset ? offset : null;
    }

    private static async Task<ulong?> ReadNextNonceAsync(SqliteConnection connection, SqliteTransaction? transaction, EthAddress sender, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT next_nonce FROM exec_sender WHERE sender = $s";
        command.Parameters.AddWithValue("$s", StoredRows.Address(sender));
        return await command.ExecuteScalarAsync(ct) is long next ? (ulong)next : null;
    }

    private async Task MoveNonceAsync(SqliteConnection connection, SqliteTransaction transaction, EthAddress sender, ulong? expected, ulong next, CancellationToken ct)
    {
        var actual = await ReadNextNonceAsync(connection, transaction, sender, ct);
        if (actual != expected)
            throw new NonceMovedException(sender, expected, actual);
        await ExecuteAsync(connection, transaction, """
            INSERT INTO exec_sender (sender, next_nonce, updated_at) VALUES ($s, $n, $now)
            ON CONFLICT (sender) DO UPDATE SET next_nonce = excluded.next_nonce, updated_at = excluded.updated_at
            """, ct, ("$s", StoredRows.Address(sender)), ("$n", (long)next), ("$now", _clock.GetUtcNow().ToUnixTimeMilliseconds()));
    }

    private static async Task InsertCommandsAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<ExecutorCommand> commands, long now, CancellationToken ct)
    {
        if (commands.Count == 0)
            return;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = StoredRows.CommandColumns.Split(", ");
        command.CommandText = $"INSERT INTO exec_command ({StoredRows.CommandColumns}, updated_at) VALUES ({string.Join(", ", names.Select(n => "$" + n))}, $updated_at)";
        var parameters = names.Select(n => command.Parameters.Add(new SqliteParameter { ParameterName = "$" + n })).ToArray();
        command.Parameters.AddWithValue("$updated_at", now);
        foreach (var c in commands)
        {
            var values = StoredRows.CommandValues(c, now);
            for (var i = 0; i < values.Length; i++)
                parameters[i].Value = values[i];
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task InsertAttemptsAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<(string CommandId, TransactionAttempt Attempt)> attempts, CancellationToken ct)
    {
        if (attempts.Count == 0)
            return;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = StoredRows.AttemptColumns.Split(", ");
        command.CommandText = $"INSERT INTO exec_attempt ({StoredRows.AttemptColumns}) VALUES ({string.Join(", ", names.Select(n => "$" + n))})";
        var parameters = names.Select(n => command.Parameters.Add(new SqliteParameter { ParameterName = "$" + n })).ToArray();
        foreach (var (id, attempt) in attempts)
        {
            var values = StoredRows.AttemptValues(id, attempt);
            for (var i = 0; i < values.Length; i++)
                parameters[i].Value = values[i];
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static Task InsertOutboxAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<OutboxWrite> outbox, long now, CancellationToken ct) =>
        outbox.Count == 0
            ? Task.CompletedTask
            : ExecuteAsync(connection, transaction, "INSERT INTO exec_outbox (records, created_at) VALUES ($r, $now)", ct, ("$r", OutboxPacking.Pack(outbox)), ("$now", now));

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static Task<List<ExecutorCommand>> ReadCommandsAsync(SqliteConnection connection, string sql, (string, object) parameter, CancellationToken ct) =>
        ReadCommandsAsync(connection, sql, ct, null, parameter);

    private static async Task<List<ExecutorCommand>> ReadCommandsAsync(SqliteConnection connection, string sql, CancellationToken ct, SqliteTransaction? transaction, params (string Name, object Value)[] parameters) =>
        await ReadAsync(connection, sql, transaction, parameters, StoredRows.ReadCommand, ct);

    private static Task<List<(string, TransactionAttempt)>> ReadAttemptsAsync(SqliteConnection connection, string sql, (string, object) parameter, CancellationToken ct) =>
        ReadAttemptsAsync(connection, sql, ct, null, parameter);

    private static async Task<List<(string, TransactionAttempt)>> ReadAttemptsAsync(SqliteConnection connection, string sql, CancellationToken ct, SqliteTransaction? transaction, params (string Name, object Value)[] parameters) =>
        await ReadAsync(connection, sql, transaction, parameters, StoredRows.ReadAttempt, ct);

    private static async Task<List<T>> ReadAsync<T>(SqliteConnection connection, string sql, SqliteTransaction? transaction, (string Name, object Value)[] parameters, Func<DbDataReader, T> map, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(map(reader));
        return rows;
    }

    internal Task DeleteOutboxAsync(IReadOnlyCollection<long> ids, CancellationToken ct) => WriteAsync(async (connection, transaction) =>
    {
        foreach (var chunk in ids.Chunk(500))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"DELETE FROM exec_outbox WHERE id IN ({string.Join(",", chunk)})";
            await command.ExecuteNonQueryAsync(ct);
        }
    }, ct);

    private sealed class Lease(SqliteExecutorStore store, IReadOnlyList<OutboxRecord> records) : IOutboxLease
    {
        public IReadOnlyList<OutboxRecord> Records => records;

        public Task CompleteAsync(IReadOnlyCollection<long> deliveredIds, CancellationToken ct) =>
            deliveredIds.Count == 0 ? Task.CompletedTask : store.DeleteOutboxAsync(deliveredIds, ct);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
