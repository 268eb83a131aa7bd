namespace Commerce.Pricing.Policy;

/// <summary>How far the base price is pulled toward the marketplace (floor and mean of the last <see cref="LastSales"/> sales).</summary>
public sealed record MarketPolicy(int WeightPpm, int LastSales);
