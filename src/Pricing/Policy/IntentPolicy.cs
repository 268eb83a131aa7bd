using System.Collections.Immutable;

namespace Commerce.Pricing.Policy;

/// <summary>Adjustment per chat intent (indexed by <c>ChatIntent</c>) and per unit of sentiment.</summary>
public sealed record IntentPolicy(ImmutableArray<int> IntentPpm, int SentimentPpm);
