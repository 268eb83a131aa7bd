namespace Commerce.Actors.Runtime;

/// <summary>
/// A grain's persistent record (its <c>IPersistentState</c>): the state, the Kafka records it applied
/// (<see cref="AppliedOrigins"/>) and, until the next write, the effects of the changes since the last one. The storage
/// writes all three in one transaction (decision D2), so a state is never stored without its effects nor the effects
/// without the state.
/// </summary>
public sealed class GrainDocument<TState> : IGrainDocument where TState : class
{
    public TState? State { get; set; }

    public AppliedOrigins Origins { get; set; } = new();

    public Dictionary<string, PendingReminder> Reminders { get; set; } = new(StringComparer.Ordinal);

    public GrainEffects Effects { get; private set; } = new();

    public int JournalLength { get; set; }

    (string Type, string Key)? IGrainDocument.StoreIdentity { get; set; }

    /// <summary>Set by the storage's first read: which dedupe keys the store holds for the grain.</summary>
    public Func<IReadOnlyCollection<string>, Task<IReadOnlySet<string>>>? DedupeKeyLookup { get; set; }

    Type IGrainDocument.StateType => typeof(TState);

    object? IGrainDocument.StateObject
    {
        get => State;
        set => State = (TState?)value;
    }

    public GrainEffects TakeEffects()
    {
        var taken = Effects;
        Effects = new GrainEffects();
        return taken;
    }

    public void ReturnEffects(GrainEffects taken)
    {
        Effects.Outbox.InsertRange(0, taken.Outbox);
        Effects.Ledger.InsertRange(0, taken.Ledger);
        Effects.Journal.InsertRange(0, taken.Journal);
        Effects.DedupeKeys.InsertRange(0, taken.DedupeKeys);
    }
}
