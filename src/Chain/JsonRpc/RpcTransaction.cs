using System.Numerics;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.JsonRpc;

/// <summary>A transaction as eth_getTransactionByHash returns it.</summary>
public sealed record RpcTransaction
{
    public required string Hash { get; init; }

    public required EthAddress From { get; init; }

    public EthAddress? To { get; init; }

    public ulong Nonce { get; init; }

    public BigInteger Value { get; init; }

    public byte[] Input { get; init; } = [];

    public ulong Gas { get; init; }

    public BigInteger? GasPrice { get; init; }

    public BigInteger? MaxFeePerGas { get; init; }

    public BigInteger? MaxPriorityFeePerGas { get; init; }

    public ulong Type { get; init; }

    public ulong? ChainId { get; init; }

    /// <summary>Null while pending.</summary>
    public ulong? BlockNumber { get; init; }

    public string? BlockHash { get; init; }

    public BigInteger? V { get; init; }

    public BigInteger? R { get; init; }

    public BigInteger? S { get; init; }
}
