using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;

namespace Commerce.Chain.Contracts;

/// <summary>An ERC-721 Transfer of a GameItem (From is the zero address for a mint).</summary>
public sealed record ItemTransferred(EthAddress From, EthAddress To, BigInteger TokenId)
{
    public required RpcLog Log { get; init; }

    public bool IsMint => From == EthAddress.Zero;
}
