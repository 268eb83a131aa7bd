namespace Commerce.Pricing.Inputs;

/// <summary>The CRM changed a player's tier or lifetime value (whole units of the CRM's reporting currency).</summary>
public sealed record LoyaltyUpdated(string PlayerId, LoyaltyTier Tier, decimal LifetimeValue, DateTimeOffset At)
    : PricingInput(At)
{
    public override string Key => PlayerId;
}
