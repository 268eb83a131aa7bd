using Commerce.Actors.Ledger;
using Commerce.Actors.Storage;
using Commerce.Events.Envelope;
using Commerce.Events.Topics;
using Commerce.Events;

namespace Commerce.Actors.Runtime;

/// <summary>The context of one message; emitted events wait here until the handler returns.</summary>
internal sealed class GrainContext(string key, DateTimeOffset now, EventEnvelope current, GrainDefinition? definition = null) : IGrainContext
{
    public string Key { get; } = key;

    public DateTimeOffset Now { get; } = now;

    public EventEnvelope Current { get; } = current;

    public List<OutboxWrite> Emitted { get; } = [];

    public List<ReminderWrite> Reminders { get; } = [];

    public List<LedgerWrite> Ledger { get; } = [];

    public List<JournalEntry> Journal { get; } = [];

    public void Emit(TopicDefinition topic, string key, IEvent payload)
    {
        if (!topic.Carries(payload.GetType()))
            throw new ArgumentException($"topic {topic.Name} does not carry {payload.GetType().Name}", nameof(payload));
        var envelope = EventEnvelope.Create(key, payload, Now, Current.CorrelationId ?? Current.Id.ToString());
        Emitted.Add(new OutboxWrite(topic.Name, key, EnvelopeSerializer.Serialize(envelope)));
    }

    public void SetReminder(string name, DateTimeOffset dueAt, IEvent payload)
    {
        var grain = definition ?? throw new InvalidOperationException("reminders need the grain's definition");
        if (!grain.InputTopic.Carries(payload.GetType()))
            throw new ArgumentException($"a reminder goes to {grain.InputTopic.Name}, which does not carry {payload.GetType().Name}", nameof(payload));
        var envelope = EventEnvelope.Create(Key, payload, dueAt, Current.CorrelationId ?? Current.Id.ToString(), ReminderId(grain.Name, Key, name, dueAt));
        Reminders.Add(new ReminderWrite(Key, name, dueAt, grain.InputTopic.Name, Key, EnvelopeSerializer.Serialize(envelope)));
    }

    public void AppendToLedger(LedgerEntry entry) =>
        Ledger.Add(new LedgerWrite(definition?.Name ?? "", Key, Current.Id, Now,
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(entry, LedgerJsonContext.Default.LedgerEntry)));

    public void AppendJournal(long seq, string kind, string bodyJson)
    {
        if (definition is { JournalLength: 0 })
            throw new InvalidOperationException($"grain type {definition.Name} keeps no journal (its JournalLength is 0)");
        Journal.Add(new JournalEntry(Key, seq, kind, bodyJson, Now));
    }

    public void CancelReminder(string name) =>
        Reminders.Add(new ReminderWrite(Key, name, null, definition?.InputTopic.Name ?? "", Key, null));

    /// <summary>The same reminder always has the same event id, so a second delivery is recognised.</summary>
    private static Guid ReminderId(string grainType, string key, string name, DateTimeOffset dueAt)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{grainType}|{key}|{name}|{dueAt.UtcTicks}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
