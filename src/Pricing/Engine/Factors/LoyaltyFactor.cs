using Commerce.Pricing.Inputs;
using Commerce.Pricing.Policy;

namespace Commerce.Pricing.Engine.Factors;

/// <summary>
/// Loyalty discount = discounts[tier] + min(maxLifetimeValueDiscount, floor(lifetimeValue / step) * discountPerStep).
/// Returned as a positive ppm; the engine subtracts it.
/// </summary>
public static class LoyaltyFactor
{
    public static int DiscountPpm(LoyaltyTier tier, long lifetimeValue, LoyaltyPolicy policy)
    {
        var table = policy.TierDiscountPpm;
        var index = (int)tier;
        long discount = index >= 0 && index < table.Length ? table[index] : 0;
        if (lifetimeValue > 0 && policy.LifetimeValueStep > 0)
        {
            Int128 steps = lifetimeValue / policy.LifetimeValueStep;
            discount += (long)Int128.Min(steps * policy.DiscountPerStepPpm, policy.MaxLifetimeValueDiscountPpm);
        }

        return (int)Math.Min(discount, Amounts.Ppm.One);
    }
}
