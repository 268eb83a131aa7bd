namespace Commerce.Actors.Storage;

/// <summary>One outbox row: the records one commit emitted, in the order they were emitted.</summary>
public sealed record OutboxRecord(long Id, IReadOnlyList<OutboxWrite> Messages);
