using Commerce.Chain.Crypto;

namespace Commerce.Chain.JsonRpc;

/// <summary>A log entry from a receipt or eth_getLogs. Decode it with <see cref="Abi.TypedEvent{TEvent}.Decode"/>.</summary>
public sealed record RpcLog
{
    public required EthAddress Address { get; init; }

    public IReadOnlyList<string> Topics { get; init; } = [];

    public byte[] Data { get; init; } = [];

    public ulong? BlockNumber { get; init; }

    public string? BlockHash { get; init; }

    public string? TransactionHash { get; init; }

    public ulong? TransactionIndex { get; init; }

    public ulong? LogIndex { get; init; }

    public bool Removed { get; init; }
}
