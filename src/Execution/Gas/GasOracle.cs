using System.Numerics;
using Commerce.Chain.JsonRpc;
using Commerce.Execution.Executor;

namespace Commerce.Execution.Gas;

/// <summary>
/// EIP-1559 fees from eth_feeHistory: the next block's base fee (the last entry of baseFeePerGas)
/// and the median of the recent blocks' 50th-percentile priority fees, never below the configured
/// minimum. A quote is reused for <see cref="ExecutorOptions.FeeRefresh"/>.
/// </summary>
public sealed class GasOracle(EthClient eth, ExecutorOptions options, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private FeeQuote? _quote;
    private DateTimeOffset _quotedAt;

    public async Task<FeeQuote> GetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_quote is { } cached && now - _quotedAt < options.FeeRefresh)
            return cached;
        await _gate.WaitAsync(ct);
        try
        {
            now = clock.GetUtcNow();
            if (_quote is { } again && now - _quotedAt < options.FeeRefresh)
                return again;
            var history = await eth.GetFeeHistoryAsync(options.FeeHistoryBlocks, BlockTag.Latest, [50.0], ct);
            _quote = FromHistory(history, options.MinPriorityFee);
            _quotedAt = now;
            return _quote;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the cached quote (after a replacement, say).</summary>
    public void Invalidate() => _quote = null;

    public static FeeQuote FromHistory(FeeHistory history, BigInteger minPriorityFee)
    {
        var baseFee = history.BaseFeePerGas.Count > 0 ? history.BaseFeePerGas[^1] : BigInteger.Zero;
        var rewards = (history.Reward ?? []).Where(r => r.Count > 0).Select(r => r[0]).OrderBy(r => r).ToList();
        var tip = rewards.Count == 0 ? BigInteger.Zero : rewards[rewards.Count / 2];
        return new FeeQuote(baseFee, BigInteger.Max(tip, minPriorityFee));
    }
}
