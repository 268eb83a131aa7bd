using Commerce.Actors.Ledger;
using Commerce.Actors.Storage;

namespace Commerce.Actors.Tests.Harness;

/// <summary>
/// A real store that can hold one grain write at the door and then let it through or fail it (the database not
/// answering), so a test can make things happen while that write is in flight. Everything else goes straight through.
/// </summary>
public sealed class HeldGrainStore(IGrainStore store) : IGrainStore
{
    private Hold? _hold;

    /// <summary>Holds the next write of the grain <paramref name="grainType"/> <paramref name="key"/>.</summary>
    public Hold HoldNextWrite(string grainType, string key) => _hold = new Hold(grainType, key);

    public async Task<long> WriteGrainAsync(GrainWrite write, CancellationToken ct)
    {
        var hold = _hold;
        if (hold is not null && hold.GrainType == write.GrainType && hold.Key == write.Key && Interlocked.CompareExchange(ref _hold, null, hold) == hold)
        {
            hold.Arrived(write);
            await hold.Released;
        }
        return await store.WriteGrainAsync(write, ct);
    }

    public Task InitializeAsync(CancellationToken ct) => store.InitializeAsync(ct);

    public Task<long?> LoadCursorAsync(PartitionCursor cursor, CancellationToken ct) => store.LoadCursorAsync(cursor, ct);

    public Task<StoredState?> LoadStateAsync(string grainType, string key, CancellationToken ct) => store.LoadStateAsync(grainType, key, ct);

    public Task<IReadOnlyDictionary<string, StoredState>> LoadStatesAsync(string grainType, IReadOnlyCollection<string> keys, CancellationToken ct) =>
        store.LoadStatesAsync(grainType, keys, ct);

    public Task<IReadOnlyList<StoredState>> ScanStatesAsync(string grainType, string keyPrefix, string? afterKey, int max, CancellationToken ct) =>
        store.ScanStatesAsync(grainType, keyPrefix, afterKey, max, ct);

    /// <summary>How many times a grain asked the store about dedupe keys.</summary>
    public int DedupeKeyLookups => _dedupeKeyLookups;

    private int _dedupeKeyLookups;

    public Task<IReadOnlySet<string>> LoadDedupeKeysAsync(string grainType, string key, IReadOnlyCollection<string> dedupeKeys, CancellationToken ct)
    {
        Interlocked.Increment(ref _dedupeKeyLookups);
        return store.LoadDedupeKeysAsync(grainType, key, dedupeKeys, ct);
    }

    public Task CommitAsync(GrainBatchCommit commit, CancellationToken ct) => store.CommitAsync(commit, ct);

    public Task ClearGrainAsync(string grainType, string key, long expectedVersion, CancellationToken ct) =>
        store.ClearGrainAsync(grainType, key, expectedVersion, ct);

    public Task<IOutboxLease> LeaseOutboxAsync(int maxRows, CancellationToken ct) => store.LeaseOutboxAsync(maxRows, ct);

    public Task<IReadOnlyList<LedgerRecord>> ReadLedgerAsync(long afterSeq, int max, CancellationToken ct) => store.ReadLedgerAsync(afterSeq, max, ct);

    public Task<IReadOnlyList<JournalEntry>> ReadJournalAsync(string grainType, string key, long afterSeq, CancellationToken ct) =>
        store.ReadJournalAsync(grainType, key, afterSeq, ct);

    public Task<long> CountOutboxAsync(CancellationToken ct) => store.CountOutboxAsync(ct);

    /// <summary>One held write: <see cref="Reached"/> when it arrives; then <see cref="Release"/> or <see cref="Fail"/>.</summary>
    public sealed class Hold(string grainType, string key)
    {
        private readonly TaskCompletionSource<GrainWrite> _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string GrainType => grainType;

        public string Key => key;

        /// <summary>The held write, once it arrived.</summary>
        public Task<GrainWrite> Reached => _arrived.Task;

        internal Task Released => _released.Task;

        public void Release() => _released.TrySetResult();

        public void Fail(Exception error) => _released.TrySetException(error);

        internal void Arrived(GrainWrite write) => _arrived.TrySetResult(write);
    }
}
