namespace Commerce.Actors.Storage;

internal sealed class SqliteOutboxLease(SqliteGrainStore store, IReadOnlyList<OutboxRecord> records) : IOutboxLease
{
    public IReadOnlyList<OutboxRecord> Records => records;

    public Task CompleteAsync(IReadOnlyCollection<long> deliveredIds, CancellationToken ct) =>
        deliveredIds.Count == 0 ? Task.CompletedTask : store.DeleteOutboxAsync(deliveredIds, ct);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
