namespace Commerce.Pricing.Inputs;

/// <summary>A time-limited campaign discounts a collection by <paramref name="Discount"/> (0..1) from <paramref name="From"/> until <paramref name="Until"/>.</summary>
public sealed record CampaignStarted(string CampaignId, string Collection, decimal Discount, DateTimeOffset From, DateTimeOffset Until, DateTimeOffset At)
    : PricingInput(At)
{
    public override string Key => Collection;
}
