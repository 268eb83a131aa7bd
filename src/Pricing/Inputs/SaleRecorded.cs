using Commerce.Pricing.Amounts;

namespace Commerce.Pricing.Inputs;

/// <summary>An item of a collection sold on a marketplace.</summary>
public sealed record SaleRecorded(string Collection, string ItemId, Money Price, DateTimeOffset At)
    : PricingInput(At)
{
    public override string Key => Collection;
}
