using Commerce.Pricing.Amounts;

namespace Commerce.Pricing.Engine.Factors;

/// <summary>Campaign discount = the largest discount of the campaigns active now (0..1), as a positive ppm.</summary>
public static class CampaignFactor
{
    public static int DiscountPpm(int campaignDiscountPpm) => Math.Clamp(campaignDiscountPpm, 0, Ppm.One);
}
