namespace Commerce.Actors.Storage;

/// <summary>
/// The cursor was not where this instance left it: another instance owns the partition now (or
/// did meanwhile). The batch is rolled back; the caller reloads before going on.
/// </summary>
public sealed class CursorMovedException(PartitionCursor cursor, long? expected, long? actual)
    : Exception($"cursor of {cursor.ConsumerGroup} {cursor.Topic}[{cursor.Partition}] is at {actual?.ToString() ?? "none"}, expected {expected?.ToString() ?? "none"}")
{
    public long? Actual { get; } = actual;
}
