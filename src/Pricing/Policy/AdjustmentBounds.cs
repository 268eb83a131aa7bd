namespace Commerce.Pricing.Policy;

/// <summary>The personal adjustments (campaign, loyalty, engagement, intent, sentiment) together stay within these bounds of the list price.</summary>
public sealed record AdjustmentBounds(int MaxDiscountPpm, int MaxPremiumPpm);
