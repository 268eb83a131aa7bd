using Commerce.Events.Topics;

namespace Commerce.Actors.Runtime;

/// <summary>
/// A grain type: its name (the consumer group and the state table key), the topic whose record
/// keys are its grain keys, and how to make an activation.
/// </summary>
/// <param name="DedupeByEventId">
/// True when the input topic is fed by outboxes (at-least-once): each event id is then applied once
/// even if a relay sends it twice.
/// </param>
public sealed record GrainDefinition(string Name, TopicDefinition InputTopic, bool DedupeByEventId, Func<IGrainActivation> Activate)
{
    /// <summary>
    /// How many journal entries (<see cref="IGrainContext.AppendJournal"/>) the store keeps per key, newest first;
    /// 0: the grain type keeps no journal.
    /// </summary>
    public int JournalLength { get; init; }
}
