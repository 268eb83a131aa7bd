namespace Commerce.Pricing.Inputs;

/// <summary>An operator changed an item's rarity in the catalog: offers for it are priced at the new rarity from now on.</summary>
public sealed record ItemRarityChanged(string ItemId, Rarity Rarity, DateTimeOffset At) : PricingInput(At)
{
    public override string Key => ItemId;
}
