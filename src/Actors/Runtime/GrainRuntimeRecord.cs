namespace Commerce.Actors.Runtime;

/// <summary>
/// What the runtime keeps of a grain beside its state, in the same row: the Kafka records it applied, per source
/// partition, and the messages of its reminders by name.
/// </summary>
public sealed record GrainRuntimeRecord(
    IReadOnlyDictionary<string, OriginWindow> Origins,
    IReadOnlyDictionary<string, PendingReminder> Reminders);
