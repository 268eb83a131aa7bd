using Commerce.Pricing.Amounts;

namespace Commerce.Pricing.Inputs;

/// <summary>A bid on an item was seen on a marketplace.</summary>
public sealed record BidPlaced(string ItemId, string Collection, Money Amount, DateTimeOffset At)
    : PricingInput(At)
{
    public override string Key => ItemId;
}
