namespace Commerce.Pricing.Inputs;

/// <summary>A campaign was stopped before (or at) its planned end.</summary>
public sealed record CampaignEnded(string CampaignId, string Collection, DateTimeOffset At)
    : PricingInput(At)
{
    public override string Key => Collection;
}
