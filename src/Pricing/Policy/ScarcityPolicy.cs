using System.Collections.Immutable;

namespace Commerce.Pricing.Policy;

/// <summary>Scarcity premium: a premium per rarity (indexed by <c>Rarity</c>) plus a premium growing with the sold-through share.</summary>
public sealed record ScarcityPolicy(ImmutableArray<int> RarityPremiumPpm, int SoldOutPremiumPpm);
