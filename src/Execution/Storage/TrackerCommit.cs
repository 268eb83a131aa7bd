using Commerce.Actors.Storage;

namespace Commerce.Execution.Storage;

/// <summary>
/// What one pass of the tracker commits at once: the new state of the commands it moved, the
/// attempts it signed (each for its command's nonce) and the lifecycle events of those moves.
/// </summary>
public sealed record TrackerCommit(
    IReadOnlyList<ExecutorCommand> Changed,
    IReadOnlyList<(string CommandId, TransactionAttempt Attempt)> NewAttempts,
    IReadOnlyList<OutboxWrite> Outbox)
{
    public bool IsEmpty => Changed.Count == 0 && NewAttempts.Count == 0 && Outbox.Count == 0;
}
