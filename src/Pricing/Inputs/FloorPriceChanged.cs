using Commerce.Pricing.Amounts;

namespace Commerce.Pricing.Inputs;

/// <summary>The marketplace floor (lowest listing) of a collection changed.</summary>
public sealed record FloorPriceChanged(string Collection, Money Price, DateTimeOffset At)
    : PricingInput(At)
{
    public override string Key => Collection;
}
