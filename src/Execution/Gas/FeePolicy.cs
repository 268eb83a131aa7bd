using System.Numerics;

namespace Commerce.Execution.Gas;

/// <summary>
/// Pure fee arithmetic: first fees under a ceiling, and replacement fees at least
/// <c>bumpPercent</c> above the previous attempt on both fields (what nodes require to replace
/// a pending transaction), never above the ceiling.
/// </summary>
public static class FeePolicy
{
    /// <summary>The quote's suggestion, capped at <paramref name="ceiling"/> (the tip never exceeds the cap).</summary>
    public static Fees Initial(FeeQuote quote, BigInteger ceiling)
    {
        var max = BigInteger.Min(quote.SuggestedMaxFee, ceiling);
        return new Fees(max, BigInteger.Min(quote.PriorityFee, max));
    }

    /// <summary>Replacement fees, or null when even the minimum bump would pass <paramref name="ceiling"/>.</summary>
    public static Fees? Bump(Fees previous, FeeQuote quote, BigInteger ceiling, int bumpPercent)
    {
        var minMax = BigInteger.Max(Raise(previous.MaxFeePerGas, bumpPercent), previous.MaxFeePerGas + 1);
        var minTip = BigInteger.Max(Raise(previous.MaxPriorityFeePerGas, bumpPercent), previous.MaxPriorityFeePerGas + 1);
        if (minMax > ceiling || minTip > ceiling)
            return null;
        var tip = BigInteger.Max(minTip, quote.PriorityFee);
        var max = BigInteger.Min(BigInteger.Max(minMax, quote.SuggestedMaxFee), ceiling);
        tip = BigInteger.Min(tip, max);
        return new Fees(BigInteger.Max(max, tip), tip);
    }

    /// <summary><paramref name="value"/> raised by <paramref name="percent"/>, rounded up.</summary>
    public static BigInteger Raise(BigInteger value, int percent) => (value * (100 + percent) + 99) / 100;
}
