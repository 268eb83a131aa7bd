namespace Commerce.Actors.Runtime;

/// <summary>
/// What the runtime keeps of a grain beside its state, in the same row: the Kafka records it applied, per source
/// partition, the event ids of the last records applied (absent in rows written before they were kept), and the
/// messages of its reminders by name.
/// </summary>
public sealed record GrainRuntimeRecord(
    IReadOnlyDictionary<string, OriginWindow> Origins,
    IReadOnlyDictionary<string, PendingReminder> Reminders,
    IReadOnlyList<Guid>? RecentEvents = null);
