using System.Numerics;
using System.Text.Json.Serialization;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.JsonRpc;

/// <summary>The transaction object of eth_call and eth_estimateGas. Unset members are left out.</summary>
public sealed record CallRequest
{
    public EthAddress? From { get; init; }

    /// <summary>Null to simulate a contract creation.</summary>
    public EthAddress? To { get; init; }

    [JsonPropertyName("input")]
    public byte[]? Data { get; init; }

    public BigInteger? Value { get; init; }

    public ulong? Gas { get; init; }

    public BigInteger? GasPrice { get; init; }

    public BigInteger? MaxFeePerGas { get; init; }

    public BigInteger? MaxPriorityFeePerGas { get; init; }
}
