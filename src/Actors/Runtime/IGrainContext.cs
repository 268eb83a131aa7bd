using Commerce.Events;
using Commerce.Events.Envelope;
using Commerce.Events.Topics;

using Commerce.Actors.Ledger;

namespace Commerce.Actors.Runtime;

/// <summary>What a grain sees of the world while it handles one message.</summary>
public interface IGrainContext
{
    string Key { get; }

    /// <summary>The time of the platform's clock (a fake clock in tests).</summary>
    DateTimeOffset Now { get; }

    /// <summary>The message being handled.</summary>
    EventEnvelope Current { get; }

    /// <summary>
    /// Publishes an event once the grain's new state is committed: it is written to the outbox in
    /// the same transaction, and a relay sends it. Discarded if the handler throws.
    /// </summary>
    void Emit(TopicDefinition topic, string key, IEvent payload);

    /// <summary>
    /// Delivers <paramref name="payload"/> to this grain, through its input topic, at
    /// <paramref name="dueAt"/> (the envelope's event time is the due time). Setting a name again
    /// replaces it; the reminder is stored with the grain's state, so it survives restarts and moves
    /// with the partition. Delivery is at least once, with the same event id.
    /// </summary>
    void SetReminder(string name, DateTimeOffset dueAt, IEvent payload);

    void CancelReminder(string name);

    /// <summary>
    /// Appends a fact that moved money or an NFT to the platform's hash-chained ledger (decision D9), in the
    /// same transaction as the grain's new state: once per applied event, discarded if the handler throws.
    /// </summary>
    void AppendToLedger(LedgerEntry entry);

    /// <summary>
    /// Appends entry <paramref name="seq"/> to this grain's journal, in the same transaction as its new state: a bounded,
    /// numbered history read by <see cref="Storage.IGrainStore.ReadJournalAsync"/> (the store keeps the newest
    /// <see cref="GrainDefinition.JournalLength"/>). Kept out of the state, so a long history costs nothing per message.
    /// </summary>
    void AppendJournal(long seq, string kind, string bodyJson);
}
