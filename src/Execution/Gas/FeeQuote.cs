using System.Numerics;

namespace Commerce.Execution.Gas;

/// <summary>What the chain charges now: the next block's base fee and a priority fee that gets included.</summary>
public sealed record FeeQuote(BigInteger BaseFee, BigInteger PriorityFee)
{
    /// <summary>The usual cap: twice the base fee (room for six full blocks of +12.5%) plus the tip.</summary>
    public BigInteger SuggestedMaxFee => BaseFee * 2 + PriorityFee;
}
