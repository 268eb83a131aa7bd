using Commerce.Actors.Ledger;
using Npgsql;

namespace Commerce.Actors.Storage;

/// <summary>The statements both PostgreSQL write paths (partition batches and single grain writes) append to their batch.</summary>
internal static class PostgresStatements
{
    public static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }

    /// <summary>The dedupe keys of the writes that were stored (a plain insert: a key stored meanwhile fails the transaction).</summary>
    public static void AddDedupeKeys(NpgsqlBatch batch, IReadOnlyList<GrainWrite> writes, DateTimeOffset now)
    {
        var rows = writes.SelectMany(w => (w.DedupeKeys ?? []).Select(d => (w.GrainType, DedupeKey: d, w.Key))).ToList();
        if (rows.Count == 0)
            return;
        batch.BatchCommands.Add(Command("""
            INSERT INTO dedupe_key (grain_type, dedupe_key, key, at)
            SELECT t, d, k, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS w(t, d, k)
            """,
            rows.Select(r => r.GrainType).ToArray(), rows.Select(r => r.DedupeKey).ToArray(), rows.Select(r => r.Key).ToArray(), now));
    }

    /// <summary>One outbox row per non-empty list (each the records of one change), with ids in the lists' order.</summary>
    public static void AddOutbox(NpgsqlBatch batch, IEnumerable<IReadOnlyList<OutboxWrite>> rows, DateTimeOffset now)
    {
        var packed = rows.Where(r => r.Count > 0).Select(OutboxPacking.Pack).ToArray();
        if (packed.Length == 0)
            return;
        batch.BatchCommands.Add(Command("""
            INSERT INTO outbox (records, created_at)
            SELECT r, $2 FROM unnest($1::bytea[]) WITH ORDINALITY AS t(r, n) ORDER BY n
            """, packed, now));
    }

    /// <summary>
    /// Inserts the journal entries of one or more changes, then trims each key they touched to the newest
    /// <c>JournalLength</c> of its change.
    /// </summary>
    public static void AddJournal(NpgsqlBatch batch, IEnumerable<(string GrainType, IReadOnlyList<JournalEntry>? Entries, int JournalLength)> changes)
    {
        var entries = new List<(string GrainType, JournalEntry Entry)>();
        var trims = new List<(string GrainType, string Key, long Below)>();
        foreach (var (grainType, journal, journalLength) in changes)
        {
            if (journal is not { Count: > 0 })
                continue;
            entries.AddRange(journal.Select(entry => (grainType, entry)));
            trims.AddRange(JournalTrim.NewestPerKey(journal).Select(newest => (grainType, newest.Key, newest.Value - journalLength)));
        }
        if (entries.Count == 0)
            return;
        batch.BatchCommands.Add(Command("""
            INSERT INTO grain_journal (grain_type, key, seq, kind, body, at)
            SELECT g, k, s, n, b, a FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::timestamptz[]) AS t(g, k, s, n, b, a)
            ON CONFLICT (grain_type, key, seq) DO UPDATE SET kind = excluded.kind, body = excluded.body, at = excluded.at
            """,
            entries.Select(e => e.GrainType).ToArray(),
            entries.Select(e => e.Entry.Key).ToArray(),
            entries.Select(e => e.Entry.Seq).ToArray(),
            entries.Select(e => e.Entry.Kind).ToArray(),
            entries.Select(e => e.Entry.BodyJson).ToArray(),
            entries.Select(e => e.Entry.At).ToArray()));
        batch.BatchCommands.Add(Command("""
            DELETE FROM grain_journal j USING unnest($1::text[], $2::text[], $3::bigint[]) AS t(g, k, below)
            WHERE j.grain_type = t.g AND j.key = t.k AND j.seq <= t.below
            """,
            trims.Select(t => t.GrainType).ToArray(),
            trims.Select(t => t.Key).ToArray(),
            trims.Select(t => t.Below).ToArray()));
    }

    /// <summary>
    /// Chains the entries after the head row, which this reads and locks until the transaction ends (instances that
    /// record money movements at the same time take turns, so the chain has one order), and appends their inserts and
    /// the head's move to <paramref name="batch"/>.
    /// </summary>
    public static async Task AddLedgerAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, NpgsqlBatch batch, IReadOnlyList<LedgerWrite>? entries, CancellationToken ct)
    {
        if (entries is not { Count: > 0 })
            return;
        long seq;
        byte[] previous;
        await using (var head = new NpgsqlCommand("SELECT seq, hash FROM ledger_head WHERE id = 1 FOR UPDATE", connection, transaction))
        await using (var reader = await head.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct))
                throw new InvalidOperationException("the ledger_head row is missing: was the schema initialized?");
            seq = reader.GetInt64(0);
            previous = reader.GetFieldValue<byte[]>(1);
        }
        foreach (var write in entries)
        {
            seq++;
            var hash = LedgerChain.Hash(previous, seq, write);
            batch.BatchCommands.Add(Command(
                "INSERT INTO ledger (seq, at, grain_type, key, event_id, entry, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                seq, write.At, write.GrainType, write.Key, write.EventId, write.Entry, previous, hash));
            previous = hash;
        }
        batch.BatchCommands.Add(Command("UPDATE ledger_head SET seq = $1, hash = $2 WHERE id = 1", seq, previous));
    }
}
