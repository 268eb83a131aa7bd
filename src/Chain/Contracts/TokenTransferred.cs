using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;

namespace Commerce.Chain.Contracts;

/// <summary>An ERC-20 Transfer of the stablecoin (From is the zero address for a mint).</summary>
public sealed record TokenTransferred(EthAddress From, EthAddress To, BigInteger Value)
{
    public required RpcLog Log { get; init; }
}
