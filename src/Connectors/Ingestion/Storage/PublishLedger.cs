using System.Collections.Immutable;
using System.Data.Common;

namespace Commerce.Connectors.Ingestion.Storage;

/// <summary>
/// What one connector has published, durably: its streams' positions and a window of the event ids it published, so a
/// restart, a replay or a second path to the same fact (a stream and a poll, a backfill and a change event) publishes
/// nothing twice. Ids are written as pending before their records are produced and as published, with the positions,
/// once Kafka acknowledged them; <see cref="LoadAsync"/> reports ids left pending by a crash, which the caller resolves
/// by looking on the topic (<see cref="PendingResolver"/>). Not thread-safe: one publisher per connector.
/// </summary>
public sealed class PublishLedger(IConnectorDatabase database, string connector, TimeProvider clock, PublishLedgerOptions options)
{
    private readonly HashSet<Guid> _published = [];
    private readonly Queue<Guid> _order = new();
    private ImmutableDictionary<string, string> _positions = ImmutableDictionary<string, string>.Empty;
    private long _commits;

    public string Connector => connector;

    /// <summary>The stored positions per stream (a snapshot: safe to read from the sources' threads).</summary>
    public IReadOnlyDictionary<string, string> Positions => Volatile.Read(ref _positions);

    public int Remembered => _published.Count;

    public bool WasPublished(Guid eventId) => _published.Contains(eventId);

    /// <summary>Reads the positions and the published window; returns the ids left pending and the earliest time one was written.</summary>
    public async Task<(IReadOnlySet<Guid> Pending, DateTimeOffset? Since)> LoadAsync(CancellationToken ct)
    {
        _published.Clear();
        _order.Clear();
        var positions = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var pending = new HashSet<Guid>();
        long? since = null;
        await using var connection = await database.OpenAsync(ct);
        await using (var read = Command(connection, null, "SELECT stream, position FROM connector_position WHERE stream LIKE @prefix"))
        {
            Add(read, "prefix", connector + ".%");
            await using var rows = await read.ExecuteReaderAsync(ct);
            while (await rows.ReadAsync(ct))
                positions[rows.GetString(0)[(connector.Length + 1)..]] = rows.GetString(1);
        }
        Volatile.Write(ref _positions, positions.ToImmutable());
        await using (var read = Command(connection, null,
            "SELECT event_id, state, at FROM connector_published WHERE stream = @stream ORDER BY at DESC LIMIT @limit"))
        {
            Add(read, "stream", connector);
            Add(read, "limit", options.Capacity);
            var newestFirst = new List<Guid>();
            await using var rows = await read.ExecuteReaderAsync(ct);
            while (await rows.ReadAsync(ct))
            {
                var id = Guid.Parse(rows.GetString(0));
                if (rows.GetInt32(1) == 0)
                {
                    pending.Add(id);
                    since = since is null ? rows.GetInt64(2) : Math.Min(since.Value, rows.GetInt64(2));
                }
                else
                    newestFirst.Add(id);
            }
            for (var i = newestFirst.Count - 1; i >= 0; i--)
                Remember(newestFirst[i]);
        }
        return (pending, since is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(since.Value));
    }

    /// <summary>Records that <paramref name="ids"/> are about to be produced.</summary>
    public Task MarkPendingAsync(IReadOnlyList<Guid> ids, CancellationToken ct) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await InsertAsync(connection, transaction, ids, 0, ct);
            return 0;
        }, ct);

    /// <summary>Records <paramref name="ids"/> as published and moves <paramref name="positions"/>, in one transaction.</summary>
    public async Task CommitAsync(IReadOnlyList<Guid> ids, IReadOnlyCollection<StreamPosition> positions, CancellationToken ct)
    {
        if (ids.Count == 0 && positions.Count == 0)
            return;
        var prune = ++_commits % options.PruneEvery == 0;
        await database.WriteAsync(async (connection, transaction) =>
        {
            await MarkPublishedAsync(connection, transaction, ids, ct);
            foreach (var position in positions)
                await UpsertPositionAsync(connection, transaction, position, ct);
            if (prune)
            {
                await using var delete = Command(connection, transaction, "DELETE FROM connector_published WHERE stream = @stream AND state = 1 AND at < @cutoff");
                Add(delete, "stream", connector);
                Add(delete, "cutoff", (clock.GetUtcNow() - options.Retention).ToUnixTimeMilliseconds());
                await delete.ExecuteNonQueryAsync(ct);
            }
            return 0;
        }, ct);
        foreach (var id in ids)
            Remember(id);
        Volatile.Write(ref _positions, _positions.SetItems(positions.Select(p => KeyValuePair.Create(p.Stream, p.Value))));
    }

    /// <summary>After a crash: the pending ids found on the topic become published; the others are forgotten (their source is read again).</summary>
    public async Task ResolvePendingAsync(IReadOnlySet<Guid> pending, IReadOnlySet<Guid> foundOnTopic, CancellationToken ct)
    {
        var found = pending.Where(foundOnTopic.Contains).ToArray();
        await database.WriteAsync(async (connection, transaction) =>
        {
            await MarkPublishedAsync(connection, transaction, found, ct);
            await using var delete = Command(connection, transaction, "DELETE FROM connector_published WHERE stream = @stream AND state = 0");
            Add(delete, "stream", connector);
            await delete.ExecuteNonQueryAsync(ct);
            return 0;
        }, ct);
        foreach (var id in found)
            Remember(id);
    }

    private void Remember(Guid id)
    {
        if (!_published.Add(id))
            return;
        _order.Enqueue(id);
        while (_order.Count > options.Capacity)
            _published.Remove(_order.Dequeue());
    }

    private async Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<Guid> ids, int state, CancellationToken ct)
    {
        if (ids.Count == 0)
            return;
        var at = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (database.IsPostgres)
        {
            await using var insert = Command(connection, transaction,
                "INSERT INTO connector_published (stream, event_id, state, at) SELECT @stream, unnest(@ids), @state, @at ON CONFLICT DO NOTHING");
            Add(insert, "stream", connector);
            Add(insert, "ids", ids.Select(i => i.ToString()).ToArray());
            Add(insert, "state", state);
            Add(insert, "at", at);
            await insert.ExecuteNonQueryAsync(ct);
            return;
        }
        // SQLite: the whole batch in one statement, its ids one JSON array parameter (json_each), not a statement per id.
        await using var batch = Command(connection, transaction,
            "INSERT INTO connector_published (stream, event_id, state, at) SELECT @stream, value, @state, @at FROM json_each(@ids) WHERE true ON CONFLICT DO NOTHING");
        Add(batch, "stream", connector);
        Add(batch, "ids", JsonIds(ids));
        Add(batch, "state", state);
        Add(batch, "at", at);
        await batch.ExecuteNonQueryAsync(ct);
    }

    private async Task MarkPublishedAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
            return;
        if (database.IsPostgres)
        {
            await using var update = Command(connection, transaction, "UPDATE connector_published SET state = 1 WHERE stream = @stream AND event_id = ANY(@ids)");
            Add(update, "stream", connector);
            Add(update, "ids", ids.Select(i => i.ToString()).ToArray());
            await update.ExecuteNonQueryAsync(ct);
            return;
        }
        await using var batch = Command(connection, transaction,
            "UPDATE connector_published SET state = 1 WHERE stream = @stream AND event_id IN (SELECT value FROM json_each(@ids))");
        Add(batch, "stream", connector);
        Add(batch, "ids", JsonIds(ids));
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The ids as a JSON array of their canonical text (<c>["d3b0…","…"]</c>), written without a serializer (callers pass at least one).</summary>
    private static string JsonIds(IReadOnlyList<Guid> ids)
    {
        const int each = 36 + 3; // the id, its quotes, and a comma (the last one becomes the closing bracket)
        return string.Create(ids.Count * each + 1, ids, (span, list) =>
        {
            span[0] = '[';
            var at = 1;
            foreach (var id in list)
            {
                span[at] = '"';
                id.TryFormat(span.Slice(at + 1, 36), out _);
                span[at + 37] = '"';
                span[at + 38] = ',';
                at += each;
            }
            span[^1] = ']';
        });
    }

    private async Task UpsertPositionAsync(DbConnection connection, DbTransaction transaction, StreamPosition position, CancellationToken ct)
    {
        await using var upsert = Command(connection, transaction, """
            INSERT INTO connector_position (stream, position, updated_at) VALUES (@stream, @position, @at)
            ON CONFLICT (stream) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at
            """);
        Add(upsert, "stream", $"{connector}.{position.Stream}");
        Add(upsert, "position", position.Value);
        Add(upsert, "at", clock.GetUtcNow().ToUnixTimeMilliseconds());
        await upsert.ExecuteNonQueryAsync(ct);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static DbParameter Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
