namespace Commerce.Actors.Runtime;

/// <summary>What the grain storage reads and writes of a <see cref="GrainDocument{TState}"/>, whatever its state type.</summary>
public interface IGrainDocument
{
    Type StateType { get; }

    object? StateObject { get; set; }

    AppliedOrigins Origins { get; set; }

    /// <summary>Reminder messages by reminder name, stored with the state.</summary>
    Dictionary<string, PendingReminder> Reminders { get; set; }

    /// <summary>The grain's type and key as the store names them, set by the storage's first read (null before).</summary>
    (string Type, string Key)? StoreIdentity { get; set; }

    /// <summary>
    /// Which of the given dedupe keys the store holds for this grain (<see cref="Storage.IGrainStore.LoadDedupeKeysAsync"/>);
    /// set by the storage's first read.
    /// </summary>
    Func<IReadOnlyCollection<string>, Task<IReadOnlySet<string>>>? DedupeKeyLookup { get; set; }

    /// <summary>Journal entries kept per key (0: the grain keeps no journal).</summary>
    int JournalLength { get; }

    /// <summary>Takes the effects gathered since the last write; the write that stores the state stores them with it.</summary>
    GrainEffects TakeEffects();

    /// <summary>
    /// Puts back the effects a failed write took, ahead of those gathered since: the state in memory still holds the
    /// changes that made them, so the next write of that state must store them too.
    /// </summary>
    void ReturnEffects(GrainEffects taken);
}
