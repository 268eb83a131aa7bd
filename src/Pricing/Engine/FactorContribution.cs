using Commerce.Pricing.Amounts;

namespace Commerce.Pricing.Engine;

/// <summary>What one factor added to (or took from) a price, and at which rate (ppm of the amount it applies to).</summary>
public sealed record FactorContribution(Factor Factor, Money Amount, int RatePpm)
{
    public override string ToString() => $"{Factor}: {(Amount.BaseUnits >= 0 ? "+" : string.Empty)}{Amount} ({Ppm.Format(RatePpm)})";
}
