using Commerce.Pricing.Inputs;

namespace Commerce.Pricing.State;

/// <summary>What is known about an item that can be offered.</summary>
public sealed record ItemListing(
    string ItemId,
    string Collection,
    Rarity Rarity,
    int Remaining,
    int Total,
    IReadOnlyList<string> Traits,
    DateTimeOffset UpdatedAt);
