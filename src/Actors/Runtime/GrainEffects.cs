using Commerce.Actors.Ledger;
using Commerce.Actors.Storage;

namespace Commerce.Actors.Runtime;

/// <summary>
/// What a grain's change does besides its new state, written in the same transaction as that state: Kafka records
/// for other systems (the outbox), hash-chained ledger entries (D9) and journal entries.
/// </summary>
public sealed class GrainEffects
{
    public List<OutboxWrite> Outbox { get; } = [];

    public List<LedgerWrite> Ledger { get; } = [];

    public List<JournalEntry> Journal { get; } = [];

    public bool IsEmpty => Outbox.Count == 0 && Ledger.Count == 0 && Journal.Count == 0;

    /// <summary>How many effects of each kind there are now, to undo a failed handler's with <see cref="TruncateTo"/>.</summary>
    public (int Outbox, int Ledger, int Journal) Mark() => (Outbox.Count, Ledger.Count, Journal.Count);

    public void TruncateTo((int Outbox, int Ledger, int Journal) mark)
    {
        Outbox.RemoveRange(mark.Outbox, Outbox.Count - mark.Outbox);
        Ledger.RemoveRange(mark.Ledger, Ledger.Count - mark.Ledger);
        Journal.RemoveRange(mark.Journal, Journal.Count - mark.Journal);
    }
}
