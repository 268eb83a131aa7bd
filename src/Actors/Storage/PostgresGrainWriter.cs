using System.Threading.Channels;
using Npgsql;

namespace Commerce.Actors.Storage;

/// <summary>
/// Group commit for single grain writes on PostgreSQL: one loop takes every waiting <see cref="GrainWrite"/> and writes
/// them in one transaction on one pooled connection, so a write costs a share of a few round trips instead of its own.
/// Conflicting writes are refused one by one: the conditional state statements report which rows they changed, only
/// those writes' effects (outbox, ledger, journal) are written, and the others fail with
/// <see cref="GrainVersionConflictException"/>; a write naming a dedupe key stored already (or by an earlier write of the
/// group) is refused before its state is written (<see cref="DedupeKeyTakenException"/>). Callers complete after the COMMIT. A group holds at most one write per
/// key (one statement cannot change a row twice); a second write of a key waits for the next group.
/// </summary>
internal sealed class PostgresGrainWriter : IAsyncDisposable
{
    private const int MaxWritesPerTransaction = 256;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _clock;
    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(4096) { SingleReader = true });
    private readonly Task _loop;

    public PostgresGrainWriter(NpgsqlDataSource dataSource, TimeProvider clock)
    {
        _dataSource = dataSource;
        _clock = clock;
        _loop = Task.Run(RunAsync);
    }

    public async Task<long> WriteAsync(GrainWrite write, CancellationToken ct)
    {
        var pending = new Pending(write);
        await _queue.Writer.WriteAsync(pending, ct);
        return await pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var waiting = new List<Pending>();
        while (waiting.Count > 0 || await _queue.Reader.WaitToReadAsync())
        {
            var group = new List<Pending>();
            var keys = new HashSet<(string, string)>();
            var later = new List<Pending>();
            void Take(Pending pending)
            {
                if (group.Count < MaxWritesPerTransaction && keys.Add((pending.Write.GrainType, pending.Write.Key)))
                    group.Add(pending);
                else
                    later.Add(pending);
            }
            // Writes held back from the previous group go first, in their order; a key's writes never overtake each other.
            foreach (var pending in waiting)
                Take(pending);
            while (group.Count < MaxWritesPerTransaction && _queue.Reader.TryRead(out var pending))
                Take(pending);
            waiting = later;
            await CommitGroupAsync(group);
        }
    }

    private async Task CommitGroupAsync(List<Pending> group)
    {
        var conflicts = new Dictionary<int, Exception>();
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var now = _clock.GetUtcNow();
            await RefuseTakenDedupeKeysAsync(connection, transaction, group, conflicts);
            var written = await WriteStatesAsync(connection, transaction, group, conflicts.Keys.ToHashSet(), now);
            if (written.Count + conflicts.Count < group.Count)
            {
                var stored = await ReadVersionsAsync(connection, transaction, group.Where((_, i) => !written.Contains(i) && !conflicts.ContainsKey(i)).Select(p => p.Write));
                for (var i = 0; i < group.Count; i++)
                {
                    if (written.Contains(i) || conflicts.ContainsKey(i))
                        continue;
                    var write = group[i].Write;
                    conflicts[i] = new GrainVersionConflictException(write.GrainType, write.Key, write.ExpectedVersion,
                        stored.TryGetValue((write.GrainType, write.Key), out var version) ? version : null);
                }
            }

            var winners = group.Where((_, i) => written.Contains(i)).Select(p => p.Write).ToList();
            await using var effects = new NpgsqlBatch(connection, transaction);
            PostgresStatements.AddDedupeKeys(effects, winners, now);
            PostgresStatements.AddOutbox(effects, winners.Select(w => w.Outbox), now);
            PostgresStatements.AddJournal(effects, winners.Select(w => (w.GrainType, (IReadOnlyList<JournalEntry>?)w.Journal, w.JournalLength)));
            await PostgresStatements.AddLedgerAsync(connection, transaction, effects, winners.SelectMany(w => w.Ledger).ToList(), CancellationToken.None);
            if (effects.BatchCommands.Count > 0)
                await effects.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
        catch (Exception ex)
        {
            // Nothing of the group was stored; a write already found in conflict still reports its conflict.
            for (var i = 0; i < group.Count; i++)
            {
                if (conflicts.TryGetValue(i, out var conflict))
                    group[i].Done.TrySetException(conflict);
                else
                    group[i].Done.TrySetException(ex);
            }
            return;
        }
        for (var i = 0; i < group.Count; i++)
        {
            if (conflicts.TryGetValue(i, out var conflict))
                group[i].Done.TrySetException(conflict);
            else
                group[i].Done.TrySetResult(group[i].Write.ExpectedVersion + 1);
        }
    }

    /// <summary>
    /// The conditional state statements of the whole group in one round trip: new rows (expected version 0) are
    /// inserted unless a row exists, the others updated only where the stored version is the expected one.
    /// </summary>
    /// <returns>The indexes (into <paramref name="group"/>) of the writes that changed their row.</returns>
    private static async Task<HashSet<int>> WriteStatesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<Pending> group, HashSet<int> refused, DateTimeOffset now)
    {
        var index = new Dictionary<(string, string), int>(group.Count);
        for (var i = 0; i < group.Count; i++)
            index[(group[i].Write.GrainType, group[i].Write.Key)] = i;
        var candidates = group.Where((_, i) => !refused.Contains(i)).Select(p => p.Write).ToList();
        if (candidates.Count == 0)
            return [];
        var inserts = candidates.Where(w => w.ExpectedVersion == 0).ToList();
        var updates = candidates.Where(w => w.ExpectedVersion != 0).ToList();

        await using var batch = new NpgsqlBatch(connection, transaction);
        if (inserts.Count > 0)
        {
            batch.BatchCommands.Add(PostgresStatements.Command("""
                INSERT INTO grain_state (grain_type, key, json, origins, version, updated_at)
                SELECT t, k, j, o, 1, $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS w(t, k, j, o)
                ORDER BY t, k
                ON CONFLICT (grain_type, key) DO NOTHING
                RETURNING grain_type, key
                """,
                inserts.Select(w => w.GrainType).ToArray(),
                inserts.Select(w => w.Key).ToArray(),
                inserts.Select(w => w.StateJson).ToArray(),
                inserts.Select(w => w.OriginsJson).ToArray(),
                now));
        }
        if (updates.Count > 0)
        {
            batch.BatchCommands.Add(PostgresStatements.Command("""
                UPDATE grain_state s SET json = w.j, origins = w.o, version = w.e + 1, updated_at = $6
                FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[]) AS w(t, k, j, o, e)
                WHERE s.grain_type = w.t AND s.key = w.k AND s.version = w.e
                RETURNING s.grain_type, s.key
                """,
                updates.Select(w => w.GrainType).ToArray(),
                updates.Select(w => w.Key).ToArray(),
                updates.Select(w => w.StateJson).ToArray(),
                updates.Select(w => w.OriginsJson).ToArray(),
                updates.Select(w => w.ExpectedVersion).ToArray(),
                now));
        }
        var written = new HashSet<int>();
        await using var reader = await batch.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
                written.Add(index[(reader.GetString(0), reader.GetString(1))]);
        }
        while (await reader.NextResultAsync());
        return written;
    }

    /// <summary>
    /// Refuses the writes that name a dedupe key stored already, or named by an earlier write of the group. A key stored by
    /// another instance after this read makes the group's insert fail whole (the primary key), and its writes are retried.
    /// </summary>
    private static async Task RefuseTakenDedupeKeysAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<Pending> group, Dictionary<int, Exception> conflicts)
    {
        var named = group.SelectMany((p, i) => (p.Write.DedupeKeys ?? []).Select(d => (Index: i, p.Write.GrainType, p.Write.Key, DedupeKey: d))).ToList();
        if (named.Count == 0)
            return;
        var stored = new HashSet<(string, string, string)>();
        await using (var command = new NpgsqlCommand("""
            SELECT d.grain_type, d.key, d.dedupe_key FROM dedupe_key d
            JOIN unnest($1::text[], $2::text[], $3::text[]) AS w(t, k, d) ON d.grain_type = w.t AND d.key = w.k AND d.dedupe_key = w.d
            """, connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = named.Select(n => n.GrainType).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = named.Select(n => n.Key).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = named.Select(n => n.DedupeKey).ToArray() });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                stored.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        foreach (var byWrite in named.GroupBy(n => n.Index))
        {
            var write = group[byWrite.Key].Write;
            var taken = byWrite.Where(n => !stored.Add((n.GrainType, n.Key, n.DedupeKey))).Select(n => n.DedupeKey).ToList();
            if (taken.Count > 0)
                conflicts[byWrite.Key] = new DedupeKeyTakenException(write.GrainType, write.Key, taken);
        }
    }

    private static async Task<Dictionary<(string, string), long>> ReadVersionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<GrainWrite> writes)
    {
        var list = writes.ToList();
        await using var command = new NpgsqlCommand("""
            SELECT s.grain_type, s.key, s.version FROM grain_state s
            JOIN unnest($1::text[], $2::text[]) AS w(t, k) ON s.grain_type = w.t AND s.key = w.k
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = list.Select(w => w.GrainType).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = list.Select(w => w.Key).ToArray() });
        var versions = new Dictionary<(string, string), long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            versions[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        return versions;
    }

    private sealed record Pending(GrainWrite Write)
    {
        public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
