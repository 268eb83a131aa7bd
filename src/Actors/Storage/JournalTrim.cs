namespace Commerce.Actors.Storage;

/// <summary>What the PostgreSQL store trims after appending a commit's journal entries (SQLite keeps a ring per key instead).</summary>
internal static class JournalTrim
{
    /// <summary>Each key of <paramref name="entries"/> with the highest sequence number appended for it.</summary>
    public static Dictionary<string, long> NewestPerKey(IReadOnlyList<JournalEntry> entries)
    {
        var newest = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!newest.TryGetValue(entry.Key, out var seq) || entry.Seq > seq)
                newest[entry.Key] = entry.Seq;
        }
        return newest;
    }
}
