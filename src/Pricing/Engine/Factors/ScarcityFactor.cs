using Commerce.Pricing.Amounts;
using Commerce.Pricing.Inputs;
using Commerce.Pricing.Policy;

namespace Commerce.Pricing.Engine.Factors;

/// <summary>Scarcity premium = rarityPremium[rarity] + soldOutPremium * (total - remaining) / total.</summary>
public static class ScarcityFactor
{
    public static int PremiumPpm(Rarity rarity, int remaining, int total, ScarcityPolicy policy)
    {
        var table = policy.RarityPremiumPpm;
        long premium = table.IsDefaultOrEmpty ? 0 : table[Math.Clamp((int)rarity, 0, table.Length - 1)];
        if (total > 0)
        {
            long sold = total - Math.Clamp(remaining, 0, total);
            premium += (long)policy.SoldOutPremiumPpm * sold / total;
        }

        return (int)Math.Min(premium, int.MaxValue);
    }

    /// <summary>The share sold through, ppm (0 when total is unknown).</summary>
    public static int SoldThroughPpm(int remaining, int total) =>
        total > 0 ? (int)((long)(total - Math.Clamp(remaining, 0, total)) * Ppm.One / total) : 0;
}
