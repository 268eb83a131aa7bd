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

    /// <summary>Inserts the journal entries of one grain type, then trims each key they touched to the newest <paramref name="journalLength"/>.</summary>
    public static void AddJournal(NpgsqlBatch batch, string grainType, IReadOnlyList<JournalEntry>? journal, int journalLength)
    {
        if (journal is not { Count: > 0 })
            return;
        batch.BatchCommands.Add(Command("""
            INSERT INTO grain_journal (grain_type, key, seq, kind, body, at)
            SELECT $1, k, s, n, b, a FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[], $6::timestamptz[]) AS t(k, s, n, b, a)
            ON CONFLICT (grain_type, key, seq) DO UPDATE SET kind = excluded.kind, body = excluded.body, at = excluded.at
            """,
            grainType,
            journal.Select(j => j.Key).ToArray(),
            journal.Select(j => j.Seq).ToArray(),
            journal.Select(j => j.Kind).ToArray(),
            journal.Select(j => j.BodyJson).ToArray(),
            journal.Select(j => j.At).ToArray()));
        var newest = JournalTrim.NewestPerKey(journal);
        batch.BatchCommands.Add(Command("""
            DELETE FROM grain_journal j USING unnest($2::text[], $3::bigint[]) AS t(k, below)
            WHERE j.grain_type = $1 AND j.key = t.k AND j.seq <= t.below
            """,
            grainType,
            newest.Keys.ToArray(),
            newest.Values.Select(seq => seq - journalLength).ToArray()));
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
