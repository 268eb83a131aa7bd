namespace Commerce.Pricing.Inputs;

public enum LoyaltyTier
{
    None = 0,
    Bronze = 1,
    Silver = 2,
    Gold = 3,
    Platinum = 4,
}
