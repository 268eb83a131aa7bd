using System.Numerics;
using Commerce.Chain.Crypto;

namespace Commerce.Execution.Storage;

/// <summary>
/// A command as the executor stores it: what was asked (immutable), the nonce it owns, its
/// attempts, and where its transaction stands (the mutable part, rewritten as a whole).
/// </summary>
public sealed record ExecutorCommand
{
    public required string CommandId { get; init; }

    public required EthAddress Sender { get; init; }

    /// <summary>Null for a command refused before a nonce was assigned.</summary>
    public ulong? Nonce { get; init; }

    public required string Kind { get; init; }

    /// <summary>
    /// The requester whose HMAC verified the command (its lifecycle events are marked under that requester's key), or null
    /// for a command refused before it could be attributed (its events carry no mark).
    /// </summary>
    public string? Requester { get; init; }

    public required EthAddress To { get; init; }

    public BigInteger Value { get; init; }

    public byte[] Data { get; init; } = [];

    public ulong GasLimit { get; init; }

    public BigInteger FeeCeiling { get; init; }

    public CommandStatus Status { get; init; }

    /// <summary>Why the command is being cancelled by a no-op (or why it failed).</summary>
    public string? Reason { get; init; }

    /// <summary>The attempt found in a block (while Mined, and once final).</summary>
    public string? MinedHash { get; init; }

    public ulong? BlockNumber { get; init; }

    public string? BlockHash { get; init; }

    public bool? Succeeded { get; init; }

    /// <summary>When the latest attempt was last handed to the node (stuck detection).</summary>
    public DateTimeOffset? LastSentAt { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public IReadOnlyList<TransactionAttempt> Attempts { get; init; } = [];

    public TransactionAttempt Latest => Attempts[^1];

    public bool IsFinal => Status is CommandStatus.Confirmed or CommandStatus.Failed;

    public TransactionAttempt? AttemptByHash(string hash) => Attempts.FirstOrDefault(a => string.Equals(a.Hash, hash, StringComparison.OrdinalIgnoreCase));
}
