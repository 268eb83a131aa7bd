using Commerce.Pricing.Amounts;
using Commerce.Pricing.Policy;

namespace Commerce.Pricing.Engine.Factors;

/// <summary>
/// Market: reference = mean of (marketplace floor, mean of last sales) when both are known, else whichever is;
/// contribution = weight * (reference - base price). No reference, no contribution.
/// </summary>
public static class MarketFactor
{
    public static Int128 Reference(Int128 marketFloor, Int128 recentSalesMean)
    {
        var floor = Amount.Sanitize(marketFloor);
        var sales = Amount.Sanitize(recentSalesMean);
        if (floor > 0 && sales > 0)
        {
            return (floor + sales) / 2;
        }

        return Int128.Max(floor, sales);
    }

    public static Int128 Contribution(Int128 basePrice, Int128 reference, MarketPolicy policy) =>
        reference > 0 ? Ppm.Apply(reference - basePrice, policy.WeightPpm) : 0;
}
