namespace Commerce.Pricing.Inputs;

/// <summary>
/// An item's supply is known or changed: <paramref name="Remaining"/> of <paramref name="Total"/> editions are left.
/// Also carries what the recommender needs to know about the item (collection, rarity, traits).
/// </summary>
public sealed record ItemSupplyChanged(
    string ItemId,
    string Collection,
    int Remaining,
    int Total,
    Rarity Rarity,
    DateTimeOffset At) : PricingInput(At)
{
    /// <summary>Attributes such as "element:fire" or "slot:weapon"; compared for similarity.</summary>
    public IReadOnlyList<string> Traits { get; init; } = [];

    public override string Key => ItemId;
}
