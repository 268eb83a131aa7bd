namespace Commerce.Actors.Storage;

/// <summary>
/// Where a grain type's consumer group stands in one partition of one broker epoch: the offset of
/// the last record whose effects are committed. Stored in the same transaction as those effects.
/// </summary>
public sealed record PartitionCursor(string ConsumerGroup, string Epoch, string Topic, int Partition);
