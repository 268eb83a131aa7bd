using Commerce.Actors.Ledger;
using Commerce.Actors.Storage;

namespace Commerce.Actors.Runtime;

/// <summary>
/// What a grain's change does besides its new state, written in the same transaction as that state: Kafka records
/// for other systems (the outbox), hash-chained ledger entries (D9), journal entries and dedupe keys (effects applied
/// once ever, <see cref="GrainWrite.DedupeKeys"/>).
/// </summary>
public sealed class GrainEffects
{
    public List<OutboxWrite> Outbox { get; } = [];

    public List<LedgerWrite> Ledger { get; } = [];

    public List<JournalEntry> Journal { get; } = [];

    public List<string> DedupeKeys { get; } = [];

    public bool IsEmpty => Outbox.Count == 0 && Ledger.Count == 0 && Journal.Count == 0 && DedupeKeys.Count == 0;

    /// <summary>How many effects of each kind there are now, to undo a failed handler's with <see cref="TruncateTo"/>.</summary>
    public (int Outbox, int Ledger, int Journal, int DedupeKeys) Mark() => (Outbox.Count, Ledger.Count, Journal.Count, DedupeKeys.Count);

    /// <returns>The dedupe keys undone (the grain forgets them).</returns>
    public IReadOnlyList<string> TruncateTo((int Outbox, int Ledger, int Journal, int DedupeKeys) mark)
    {
        Outbox.RemoveRange(mark.Outbox, Outbox.Count - mark.Outbox);
        Ledger.RemoveRange(mark.Ledger, Ledger.Count - mark.Ledger);
        Journal.RemoveRange(mark.Journal, Journal.Count - mark.Journal);
        var undone = DedupeKeys.GetRange(mark.DedupeKeys, DedupeKeys.Count - mark.DedupeKeys);
        DedupeKeys.RemoveRange(mark.DedupeKeys, undone.Count);
        return undone;
    }
}
