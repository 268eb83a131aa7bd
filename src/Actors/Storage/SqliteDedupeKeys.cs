using Microsoft.Data.Sqlite;

namespace Commerce.Actors.Storage;

/// <summary>
/// The dedupe_key statements of grain writes (<see cref="GrainWrite.DedupeKeys"/>), prepared once on the store's writer
/// connection: which of a write's keys are stored already, and storing them. The primary key (grain type, grain key,
/// dedupe key) refuses a key stored twice even if a caller skipped the check.
/// </summary>
internal sealed class SqliteDedupeKeys
{
    public const string Schema = """
        -- Effects a grain applied once ever (a credited deposit's transaction, a confirmed payment log), kept for
        -- good: a late redelivery finds its key here whatever the grain's state still remembers.
        CREATE TABLE IF NOT EXISTS dedupe_key (
            grain_type TEXT NOT NULL, key TEXT NOT NULL, dedupe_key TEXT NOT NULL, at INTEGER NOT NULL,
            PRIMARY KEY (grain_type, key, dedupe_key)) WITHOUT ROWID;
        """;

    private readonly SqliteCommand _exists;
    private readonly SqliteCommand _insert;

    public SqliteDedupeKeys(SqliteConnection writer)
    {
        _exists = writer.CreateCommand();
        _exists.CommandText = "SELECT 1 FROM dedupe_key WHERE grain_type = $type AND key = $key AND dedupe_key = $dedupe";
        _exists.Parameters.Add(new SqliteParameter("$type", null));
        _exists.Parameters.Add(new SqliteParameter("$key", null));
        _exists.Parameters.Add(new SqliteParameter("$dedupe", null));
        _insert = writer.CreateCommand();
        _insert.CommandText = "INSERT INTO dedupe_key (grain_type, dedupe_key, key, at) VALUES ($type, $dedupe, $key, $now)";
        foreach (var name in new[] { "$type", "$dedupe", "$key", "$now" })
            _insert.Parameters.Add(new SqliteParameter(name, null));
    }

    /// <summary>The write's keys stored already, or named by an earlier write of the same group (<paramref name="group"/>).</summary>
    public async Task<List<string>> TakenAsync(SqliteTransaction transaction, GrainWrite write, HashSet<(string, string, string)> group, CancellationToken ct)
    {
        var taken = new List<string>();
        _exists.Transaction = transaction;
        foreach (var dedupeKey in write.DedupeKeys ?? [])
        {
            _exists.Parameters["$type"].Value = write.GrainType;
            _exists.Parameters["$key"].Value = write.Key;
            _exists.Parameters["$dedupe"].Value = dedupeKey;
            if (group.Contains((write.GrainType, write.Key, dedupeKey)) || await _exists.ExecuteScalarAsync(ct) is not null)
                taken.Add(dedupeKey);
        }
        return taken;
    }

    public async Task InsertAsync(SqliteTransaction transaction, GrainWrite write, long now, HashSet<(string, string, string)> group, CancellationToken ct)
    {
        _insert.Transaction = transaction;
        foreach (var dedupeKey in write.DedupeKeys ?? [])
        {
            _insert.Parameters["$type"].Value = write.GrainType;
            _insert.Parameters["$dedupe"].Value = dedupeKey;
            _insert.Parameters["$key"].Value = write.Key;
            _insert.Parameters["$now"].Value = now;
            await _insert.ExecuteNonQueryAsync(ct);
            group.Add((write.GrainType, write.Key, dedupeKey));
        }
    }
}
