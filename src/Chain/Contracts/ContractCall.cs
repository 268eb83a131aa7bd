using System.Numerics;
using Commerce.Chain.Abi;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.Contracts;

/// <summary>
/// A state-changing call (or a deployment, when <see cref="To"/> is null) ready to be signed and
/// sent: the ABI-encoded call data, the ETH value, and the custom errors its revert may carry.
/// </summary>
public sealed record ContractCall
{
    /// <summary>Null for a contract creation.</summary>
    public EthAddress? To { get; init; }

    public required byte[] Data { get; init; }

    /// <summary>Wei sent with the call.</summary>
    public BigInteger Value { get; init; }

    /// <summary>What the call is, for messages: "Checkout.purchase".</summary>
    public required string Description { get; init; }

    /// <summary>Custom errors to decode a revert with.</summary>
    public CustomErrors Errors { get; init; } = CustomErrors.None;
}
