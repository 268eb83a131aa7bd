using Commerce.Actors.Ledger;

namespace Commerce.Actors.Storage;

/// <summary>
/// Everything one batch of one partition changed, written in one transaction: the grains' new
/// states, the cursor moved from <see cref="ExpectedOffset"/> to <see cref="AppliedOffset"/>, the
/// events the grains emitted (outbox), the event ids now processed (inbox, for dedupe), the reminders set
/// the ledger entries recorded (appended to the hash chain in the same transaction) and the journal entries
/// appended (of which the store keeps the newest <see cref="JournalLength"/> per key).
/// </summary>
public sealed record GrainBatchCommit(
    string GrainType,
    PartitionCursor Cursor,
    long? ExpectedOffset,
    long AppliedOffset,
    IReadOnlyList<StateWrite> States,
    IReadOnlyList<OutboxWrite> Outbox,
    IReadOnlyList<Guid> ProcessedEventIds,
    IReadOnlyList<ReminderWrite>? Reminders = null,
    IReadOnlyList<LedgerWrite>? Ledger = null,
    IReadOnlyList<JournalEntry>? Journal = null,
    int JournalLength = 0);
