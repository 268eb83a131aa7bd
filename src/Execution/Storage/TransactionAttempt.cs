using System.Numerics;

namespace Commerce.Execution.Storage;

/// <summary>
/// One signed transaction for a command's nonce: the first one, a fee bump, or a cancelling no-op.
/// Any attempt of a nonce may be the one that is mined, so all are kept.
/// </summary>
public sealed record TransactionAttempt(
    int Number,
    string Hash,
    byte[] Raw,
    BigInteger MaxFeePerGas,
    BigInteger MaxPriorityFeePerGas,
    bool IsCancel,
    DateTimeOffset CreatedAt);
