using Commerce.Actors.Storage;
using Commerce.Chain.Crypto;
using Npgsql;
using NpgsqlTypes;

namespace Commerce.Execution.Storage;

/// <summary>
/// The executor's tables in PostgreSQL, for several instances. The cursor and sender rows are
/// locked for the transaction that moves them, so two instances can never both commit the same
/// records or hand out the same nonce.
/// </summary>
public sealed class PostgresExecutorStore(string connectionString, TimeProvider clock) : IExecutorStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public async Task InitializeAsync(CancellationToken ct)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand("""
            SELECT pg_advisory_xact_lock(7261531);
            CREATE TABLE IF NOT EXISTS exec_sender (
                sender text PRIMARY KEY, next_nonce bigint NOT NULL, updated_at bigint NOT NULL);
            CREATE TABLE IF NOT EXISTS exec_command (
                command_id text PRIMARY KEY, sender text NOT NULL, nonce bigint, kind text NOT NULL, to_address text NOT NULL,
                value text NOT NULL, data bytea NOT NULL, gas_limit bigint NOT NULL, fee_ceiling text NOT NULL, status int NOT NULL,
                reason text, mined_hash text, block_number bigint, block_hash text, succeeded boolean, last_sent_at bigint,
                last_error text, created_at bigint NOT NULL, updated_at bigint NOT NULL, requester text);
            ALTER TABLE exec_command ADD COLUMN IF NOT EXISTS requester text;
            CREATE UNIQUE INDEX IF NOT EXISTS exec_command_nonce ON exec_command (sender, nonce) WHERE nonce IS NOT NULL;
            CREATE INDEX IF NOT EXISTS exec_command_open ON exec_command (sender, status, nonce);
            CREATE TABLE IF NOT EXISTS exec_attempt (
                command_id text NOT NULL, number int NOT NULL, tx_hash text NOT NULL UNIQUE, raw bytea NOT NULL,
                max_fee text NOT NULL, tip text NOT NULL, is_cancel boolean NOT NULL, created_at bigint NOT NULL,
                PRIMARY KEY (command_id, number));
            CREATE TABLE IF NOT EXISTS exec_cursor (
                consumer_group text NOT NULL, epoch text NOT NULL, topic text NOT NULL, partition int NOT NULL,
                applied_offset bigint NOT NULL, PRIMARY KEY (consumer_group, epoch, topic, partition));
            CREATE TABLE IF NOT EXISTS exec_outbox (
                id bigserial PRIMARY KEY, records bytea NOT NULL, created_at bigint NOT NULL);
            """, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<long?> LoadCursorAsync(PartitionCursor cursor, CancellationToken ct)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        return await ReadCursorAsync(connection, null, cursor, ct);
    }

    public async Task<ulong?> LoadNextNonceAsync(EthAddress sender, CancellationToken ct)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        return await ReadNextNonceAsync(connection, null, sender, ct);
    }

    public async Task<IReadOnlySet<string>> FindCommandsAsync(IReadOnlyCollection<string> commandIds, CancellationToken ct)
    {
        var found = new HashSet<string>();
        if (commandIds.Count == 0)
            return found;
        await using var command = _dataSource.CreateCommand("SELECT command_id FROM exec_command WHERE command_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = commandIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            found.Add(reader.GetString(0));
        return found;
    }

    public Task AcceptAsync(AcceptedBatch batch, CancellationToken ct) => WriteAsync(async (connection, transaction) =>
    {
        if (batch.Cursor is { } cursor)
        {
            var actual = await ReadCursorAsync(connection, transaction, cursor, ct);
            if (actual != batch.ExpectedOffset)
                throw new CursorMovedException(cursor, batch.ExpectedOffset, actual);
            try
            {
                await ExecuteAsync(connection, transaction, batch.ExpectedOffset is null
                    ? "INSERT INTO exec_cursor (consumer_group, epoch, topic, partition, applied_offset) VALUES ($1, $2, $3, $4, $5)"
                    : "UPDATE exec_cursor SET applied_offset = $5 WHERE consumer_group = $1 AND epoch = $2 AND topic = $3 AND partition = $4", ct, cursor.ConsumerGroup, cursor.Epoch, cursor.Topic, cursor.Partition, batch.AppliedOffset);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                throw new CursorMovedException(cursor, batch.ExpectedOffset, null);
            }
        }
        if (batch.ExpectedNextNonce != batch.NextNonce)
            await MoveNonceAsync(connection, transaction, batch.Sender, batch.ExpectedNextNonce, batch.NextNonce, ct);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var writes = new NpgsqlBatch(connection, transaction);
        var names = StoredRows.CommandColumns.Split(", ");
        foreach (var c in batch.Commands)
        {
            writes.BatchCommands.Add(Command(
                $"INSERT INTO exec_command ({StoredRows.CommandColumns}, updated_at) VALUES ({string.Join(", ", names.Select((_, i) => "$" + (i + 1)))}, ${names.Length + 1})",
                [.. StoredRows.CommandValues(c, now), now]));
        }
        AddAttempts(writes, batch.Commands.SelectMany(c => c.Attempts.Select(a => (c.CommandId, a))).ToList());
        AddOutbox(writes, batch.Outbox, now);
        if (writes.BatchCommands.Count > 0)
            await writes.ExecuteNonQueryAsync(ct);
    }, ct);

    public Task SetNextNonceAsync(EthAddress sender, ulong? expected, ulong next, CancellationToken ct) =>
        WriteAsync((connection, transaction) => MoveNonceAsync(connection, transaction, sender, expected, next, ct), ct);

    public Task CommitAsync(TrackerCommit commit, CancellationToken ct) => WriteAsync(async (connection, transaction) =>
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var writes = new NpgsqlBatch(connection, transaction);
        foreach (var c in commit.Changed)
        {
            var v = StoredRows.StateValues(c);
            writes.BatchCommands.Add(Command("""
                UPDATE exec_command SET status = $1, reason = $2, mined_hash = $3, block_number = $4, block_hash = $5,
                    succeeded = $6, last_sent_at = $7, last_error = $8, updated_at = $9
                WHERE command_id = $10
                """, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], now, c.CommandId));
        }
        AddAttempts(writes, commit.NewAttempts);
        AddOutbox(writes, commit.Outbox, now);
        if (writes.BatchCommands.Count > 0)
            await writes.ExecuteNonQueryAsync(ct);
    }, ct);

    public async Task<IReadOnlyList<ExecutorCommand>> LoadOpenAsync(EthAddress sender, ulong? afterNonce, CancellationToken ct) =>
        await LoadAsync("c.sender = $1 AND c.status IN (1, 2, 3) AND c.nonce > $2", sender, afterNonce is { } a ? (long)a : -1, ct);

    public async Task<IReadOnlyList<ExecutorCommand>> LoadAllAsync(EthAddress sender, CancellationToken ct) =>
        await LoadAsync("c.sender = $1 AND c.nonce > $2", sender, -1, ct);

    public async Task<long> CountUnminedAsync(EthAddress sender, CancellationToken ct)
    {
        await using var command = _dataSource.CreateCommand("SELECT count(*) FROM exec_command WHERE sender = $1 AND status IN (1, 2)");
        command.Parameters.Add(new NpgsqlParameter { Value = StoredRows.Address(sender) });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public async Task<ExecutorCommand?> LoadCommandAsync(string commandId, CancellationToken ct)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        var commands = await ReadAsync(connection, null, $"SELECT {StoredRows.CommandColumns} FROM exec_command WHERE command_id = $1", [commandId], StoredRows.ReadCommand, ct);
        var attempts = await ReadAsync(connection, null, $"SELECT {StoredRows.AttemptColumns} FROM exec_attempt WHERE command_id = $1", [commandId], StoredRows.ReadAttempt, ct);
        return StoredRows.Join(commands, attempts).SingleOrDefault();
    }

    public async Task<IOutboxLease> LeaseOutboxAsync(int maxRows, CancellationToken ct)
    {
        var connection = await _dataSource.OpenConnectionAsync(ct);
        var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            var records = await ReadAsync(connection, transaction, "SELECT id, records FROM exec_outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED", [maxRows],
                r => new OutboxRecord(r.GetInt64(0), OutboxPacking.Unpack((byte[])r.GetValue(1))), ct);
            return new PostgresOutboxLease(connection, transaction, records, "exec_outbox");
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
        await using var command = _dataSource.CreateCommand("SELECT count(*) FROM exec_outbox");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task<List<ExecutorCommand>> LoadAsync(string where, EthAddress sender, long after, CancellationToken ct)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        object[] parameters = [StoredRows.Address(sender), after];
        var commands = await ReadAsync(connection, transaction, $"SELECT {StoredRows.CommandColumns} FROM exec_command c WHERE {where} ORDER BY c.nonce", parameters, StoredRows.ReadCommand, ct);
        var attempts = await ReadAsync(connection, transaction,
            $"SELECT {string.Join(", ", StoredRows.AttemptColumns.Split(", ").Select(c => "a." + c))} FROM exec_attempt a JOIN exec_command c ON c.command_id = a.command_id WHERE {where}",
            parameters, StoredRows.ReadAttempt, ct);
        await transaction.CommitAsync(ct);
        return StoredRows.Join(commands, attempts);
    }

    private async Task WriteAsync(Func<NpgsqlConnection, NpgsqlTransaction, Task> work, CancellationToken ct)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await work(connection, transaction);
        await transaction.CommitAsync(ct);
    }

    private static async Task<long?> ReadCursorAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, PartitionCursor cursor, CancellationToken ct)
    {
        var rows = await ReadAsync(connection, transaction,
            "SELECT applied_offset FROM exec_cursor WHERE consumer_group = $1 AND epoch = $2 AND topic = $3 AND partition = $4" + (transaction is null ? "" : " FOR UPDATE"),
            [cursor.ConsumerGroup, cursor.Epoch, cursor.Topic, cursor.Partition], r => r.GetInt64(0), ct);
        return rows.Count == 0 ? null : rows[0];
    }

    private static async Task<ulong?> ReadNextNonceAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, EthAddress sender, CancellationToken ct)
    {
        var rows = await ReadAsync(connection, transaction,
            "SELECT next_nonce FROM exec_sender WHERE sender = $1" + (transaction is null ? "" : " FOR UPDATE"),
            [StoredRows.Address(sender)], r => (ulong)r.GetInt64(0), ct);
        return rows.Count == 0 ? null : rows[0];
    }

    private async Task MoveNonceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, EthAddress sender, ulong? expected, ulong next, CancellationToken ct)
    {
        var actual = await ReadNextNonceAsync(connection, transaction, sender, ct);
        if (actual != expected)
            throw new NonceMovedException(sender, expected, actual);
        try
        {
            await ExecuteAsync(connection, transaction, expected is null
                    ? "INSERT INTO exec_sender (sender, next_nonce, updated_at) VALUES ($1, $2, $3)"
                    : "UPDATE exec_sender SET next_nonce = $2, updated_at = $3 WHERE sender = $1",
                ct, StoredRows.Address(sender), (long)next, clock.GetUtcNow().ToUnixTimeMilliseconds());
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new NonceMovedException(sender, expected, null);
        }
    }

    private static void AddAttempts(NpgsqlBatch writes, IReadOnlyList<(string CommandId, TransactionAttempt Attempt)> attempts)
    {
        foreach (var (id, attempt) in attempts)
            writes.BatchCommands.Add(Command($"INSERT INTO exec_attempt ({StoredRows.AttemptColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", StoredRows.AttemptValues(id, attempt)));
    }

    private static void AddOutbox(NpgsqlBatch writes, IReadOnlyList<OutboxWrite> outbox, long now)
    {
        if (outbox.Count > 0)
            writes.BatchCommands.Add(Command("INSERT INTO exec_outbox (records, created_at) VALUES ($1, $2)", OutboxPacking.Pack(outbox), now));
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, object[] values, Func<System.Data.Common.DbDataReader, T> map, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(map(reader));
        return rows;
    }
}
