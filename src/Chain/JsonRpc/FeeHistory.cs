using System.Numerics;

namespace Commerce.Chain.JsonRpc;

/// <summary>eth_feeHistory: base fees (one more than the blocks asked for: the next block's), gas used ratios and reward percentiles.</summary>
public sealed record FeeHistory
{
    public ulong OldestBlock { get; init; }

    public IReadOnlyList<BigInteger> BaseFeePerGas { get; init; } = [];

    public IReadOnlyList<double> GasUsedRatio { get; init; } = [];

    /// <summary>Per block, the priority fee at each requested percentile (absent when none were requested).</summary>
    public IReadOnlyList<IReadOnlyList<BigInteger>>? Reward { get; init; }
}
