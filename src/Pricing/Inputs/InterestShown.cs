namespace Commerce.Pricing.Inputs;

/// <summary>A player looked at an item for <paramref name="Dwell"/>.</summary>
public sealed record InterestShown(string PlayerId, string ItemId, string Collection, TimeSpan Dwell, DateTimeOffset At)
    : PricingInput(At)
{
    public override string Key => PlayerId;
}
