using Commerce.Actors.Ledger;

namespace Commerce.Actors.Storage;

/// <summary>
/// Durable grain state (decision D3): SQLite for one instance, PostgreSQL for several. Both pass the
/// same contract tests.
/// </summary>
public interface IGrainStore
{
    /// <summary>Creates the schema if it is missing.</summary>
    Task InitializeAsync(CancellationToken ct);

    /// <summary>The offset of the last applied record, or null when nothing was applied in that epoch.</summary>
    Task<long?> LoadCursorAsync(PartitionCursor cursor, CancellationToken ct);

    Task<StoredState?> LoadStateAsync(string grainType, string key, CancellationToken ct);

    Task<IReadOnlyDictionary<string, StoredState>> LoadStatesAsync(string grainType, IReadOnlyCollection<string> keys, CancellationToken ct);

    /// <summary>
    /// The stored states of one grain type whose keys start with <paramref name="keyPrefix"/> ("" for all), in key order
    /// after <paramref name="afterKey"/> (null: from the first), at most <paramref name="max"/>: a page of a scan that
    /// goes on from the last key it returned (the campaigns' backfill over every player, their delivery log).
    /// </summary>
    Task<IReadOnlyList<StoredState>> ScanStatesAsync(string grainType, string keyPrefix, string? afterKey, int max, CancellationToken ct);

    /// <summary>
    /// Which of <paramref name="dedupeKeys"/> the grain <paramref name="grainType"/> <paramref name="key"/> stored with a write
    /// (<see cref="GrainWrite.DedupeKeys"/>): effects applied once ever, remembered for good (no window to forget them).
    /// </summary>
    Task<IReadOnlySet<string>> LoadDedupeKeysAsync(string grainType, string key, IReadOnlyCollection<string> dedupeKeys, CancellationToken ct);

    /// <summary>Writes the batch atomically, or throws <see cref="CursorMovedException"/> and writes nothing.</summary>
    Task CommitAsync(GrainBatchCommit commit, CancellationToken ct);

    /// <summary>
    /// Writes one grain's state with its outbox rows, ledger entries and journal entries in one transaction if the
    /// stored version is <see cref="GrainWrite.ExpectedVersion"/> (0: no row yet), and returns the new version
    /// (expected + 1). Otherwise throws <see cref="GrainVersionConflictException"/> and writes nothing.
    /// </summary>
    Task<long> WriteGrainAsync(GrainWrite write, CancellationToken ct);

    /// <summary>
    /// Deletes a grain's state row if it is stored at <paramref name="expectedVersion"/>; with 0, succeeds when there is
    /// no row. Otherwise throws <see cref="GrainVersionConflictException"/>. The grain's journal is kept.
    /// </summary>
    Task ClearGrainAsync(string grainType, string key, long expectedVersion, CancellationToken ct);

    /// <summary>
    /// Takes the oldest unpublished outbox rows (each the records of one commit); the lease must be
    /// completed with the rows whose records were all delivered.
    /// </summary>
    Task<IOutboxLease> LeaseOutboxAsync(int maxRows, CancellationToken ct);

    /// <summary>The ledger's rows after <paramref name="afterSeq"/>, oldest first, at most <paramref name="max"/> (decision D9).</summary>
    Task<IReadOnlyList<LedgerRecord>> ReadLedgerAsync(long afterSeq, int max, CancellationToken ct);

    /// <summary>The journal entries of one grain numbered above <paramref name="afterSeq"/>, oldest first.</summary>
    Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(string grainType, string key, long afterSeq, CancellationToken ct);

    /// <summary>Unpublished outbox rows, for the health check and operators.</summary>
    Task<long> CountOutboxAsync(CancellationToken ct);
}
