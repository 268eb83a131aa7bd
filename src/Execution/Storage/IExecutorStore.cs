using Commerce.Actors.Storage;
using Commerce.Chain.Crypto;

namespace Commerce.Execution.Storage;

/// <summary>
/// The executor's durable state (decision D3): per-sender next nonce, commands with their signed
/// attempts, the command topic's cursors and the lifecycle outbox. SQLite and PostgreSQL pass
/// the same contract tests.
/// </summary>
public interface IExecutorStore
{
    Task InitializeAsync(CancellationToken ct);

    Task<long?> LoadCursorAsync(PartitionCursor cursor, CancellationToken ct);

    /// <summary>The next nonce stored for <paramref name="sender"/>, or null when it never sent.</summary>
    Task<ulong?> LoadNextNonceAsync(EthAddress sender, CancellationToken ct);

    /// <summary>Which of <paramref name="commandIds"/> are already stored.</summary>
    Task<IReadOnlySet<string>> FindCommandsAsync(IReadOnlyCollection<string> commandIds, CancellationToken ct);

    /// <summary>Writes the batch atomically, or throws <see cref="CursorMovedException"/> / <see cref="NonceMovedException"/> and writes nothing.</summary>
    Task AcceptAsync(AcceptedBatch batch, CancellationToken ct);

    /// <summary>Moves the sender's next nonce from <paramref name="expected"/> to <paramref name="next"/> (resync), or throws <see cref="NonceMovedException"/>.</summary>
    Task SetNextNonceAsync(EthAddress sender, ulong? expected, ulong next, CancellationToken ct);

    /// <summary>Writes a tracker pass atomically.</summary>
    Task CommitAsync(TrackerCommit commit, CancellationToken ct);

    /// <summary>The sender's commands that are not final and whose nonce is above <paramref name="afterNonce"/>, in nonce order, with their attempts.</summary>
    Task<IReadOnlyList<ExecutorCommand>> LoadOpenAsync(EthAddress sender, ulong? afterNonce, CancellationToken ct);

    /// <summary>Pending and submitted commands of the sender (what backpressure counts).</summary>
    Task<long> CountUnminedAsync(EthAddress sender, CancellationToken ct);

    Task<ExecutorCommand?> LoadCommandAsync(string commandId, CancellationToken ct);

    /// <summary>Every command of the sender that has a nonce, in nonce order (tests and audits).</summary>
    Task<IReadOnlyList<ExecutorCommand>> LoadAllAsync(EthAddress sender, CancellationToken ct);

    Task<IOutboxLease> LeaseOutboxAsync(int maxRows, CancellationToken ct);

    Task<long> CountOutboxAsync(CancellationToken ct);
}
