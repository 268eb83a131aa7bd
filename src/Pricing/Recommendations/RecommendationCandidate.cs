using Commerce.Pricing.Amounts;
using Commerce.Pricing.Inputs;

namespace Commerce.Pricing.Recommendations;

/// <summary>An item that could be offered, already priced for the player; <see cref="Budget"/> is what the player's tier affords (same currency).</summary>
public sealed record RecommendationCandidate(
    string ItemId,
    string Collection,
    Rarity Rarity,
    IReadOnlyList<string> Traits,
    Money Price,
    Int128 Budget);
