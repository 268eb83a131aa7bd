using Commerce.Actors.Ledger;

namespace Commerce.Actors.Storage;

/// <summary>
/// A fenced commit, written in one transaction: the states, the cursor moved from <see cref="ExpectedOffset"/> to
/// <see cref="AppliedOffset"/> (another writer that moved it meanwhile makes the whole commit fail), the records to
/// publish (outbox), the ledger entries recorded (appended to the hash chain in the same transaction) and the journal
/// entries appended (of which the store keeps the newest <see cref="JournalLength"/> per key). The chain followers use
/// it to keep one active watcher among instances.
/// </summary>
public sealed record GrainBatchCommit(
    string GrainType,
    PartitionCursor Cursor,
    long? ExpectedOffset,
    long AppliedOffset,
    IReadOnlyList<StateWrite> States,
    IReadOnlyList<OutboxWrite> Outbox,
    IReadOnlyList<LedgerWrite>? Ledger = null,
    IReadOnlyList<JournalEntry>? Journal = null,
    int JournalLength = 0);
