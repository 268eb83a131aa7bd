using System.Numerics;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.JsonRpc;

/// <summary>A transaction receipt (eth_getTransactionReceipt).</summary>
public sealed record RpcReceipt
{
    public required string TransactionHash { get; init; }

    public required string BlockHash { get; init; }

    public ulong BlockNumber { get; init; }

    public ulong TransactionIndex { get; init; }

    public required EthAddress From { get; init; }

    /// <summary>Null for a contract creation.</summary>
    public EthAddress? To { get; init; }

    /// <summary>The created contract, for a contract creation.</summary>
    public EthAddress? ContractAddress { get; init; }

    /// <summary>1 on success, 0 when the transaction reverted.</summary>
    public ulong Status { get; init; }

    public bool Succeeded => Status == 1;

    public ulong GasUsed { get; init; }

    public ulong CumulativeGasUsed { get; init; }

    public BigInteger EffectiveGasPrice { get; init; }

    /// <summary>0 legacy, 1 access list, 2 EIP-1559.</summary>
    public ulong Type { get; init; }

    public IReadOnlyList<RpcLog> Logs { get; init; } = [];
}
