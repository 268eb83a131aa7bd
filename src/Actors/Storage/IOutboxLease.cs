namespace Commerce.Actors.Storage;

/// <summary>
/// Outbox records taken for publishing. PostgreSQL holds row locks until the lease ends, so two
/// relays never publish the same rows at the same time; disposing without completing leaves them
/// for the next attempt.
/// </summary>
public interface IOutboxLease : IAsyncDisposable
{
    IReadOnlyList<OutboxRecord> Records { get; }

    Task CompleteAsync(IReadOnlyCollection<long> deliveredIds, CancellationToken ct);
}
