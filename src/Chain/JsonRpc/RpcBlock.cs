using System.Numerics;
using System.Text.Json;

namespace Commerce.Chain.JsonRpc;

/// <summary>A block as eth_getBlockByNumber returns it (transactions as hashes).</summary>
public sealed record RpcBlock
{
    /// <summary>Null for a pending block.</summary>
    public string? Hash { get; init; }

    public required string ParentHash { get; init; }

    /// <summary>Null for a pending block.</summary>
    public ulong? Number { get; init; }

    public ulong Timestamp { get; init; }

    public ulong GasLimit { get; init; }

    public ulong GasUsed { get; init; }

    /// <summary>Present from the London fork on (EIP-1559).</summary>
    public BigInteger? BaseFeePerGas { get; init; }

    /// <summary>Hashes (or full objects when asked for).</summary>
    public IReadOnlyList<JsonElement> Transactions { get; init; } = [];
}
