using Commerce.Actors.Storage;
using Commerce.Chain.Crypto;

namespace Commerce.Execution.Storage;

/// <summary>
/// What one batch of the command topic commits at once: the partition cursor moves from
/// <see cref="ExpectedOffset"/> to <see cref="AppliedOffset"/>, the sender's next nonce from
/// <see cref="ExpectedNextNonce"/> to <see cref="NextNonce"/>, the new commands with their first
/// signed attempt (or refused, without a nonce) and the events to publish. All or nothing.
/// </summary>
public sealed record AcceptedBatch(
    PartitionCursor? Cursor,
    long? ExpectedOffset,
    long AppliedOffset,
    EthAddress Sender,
    ulong? ExpectedNextNonce,
    ulong NextNonce,
    IReadOnlyList<ExecutorCommand> Commands,
    IReadOnlyList<OutboxWrite> Outbox);
