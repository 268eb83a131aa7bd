using Commerce.Chain.Crypto;

namespace Commerce.Execution.Storage;

/// <summary>
/// The sender's stored next nonce was not what this instance expected (another instance assigned
/// nonces meanwhile). Nothing was written; reload and sign again.
/// </summary>
public sealed class NonceMovedException(EthAddress sender, ulong? expected, ulong? actual)
    : Exception($"next nonce of {sender} is {actual?.ToString() ?? "unset"}, expected {expected?.ToString() ?? "unset"}")
{
    public ulong? Actual { get; } = actual;
}
