namespace Commerce.Pricing.Policy;

/// <summary>How items are ranked for a player. Weights and penalties are ppm of a score of 1.</summary>
public sealed record RecommendationPolicy(
    int MaxItems,
    int SimilarityWeightPpm,
    int RarityWeightPpm,
    int AffordabilityWeightPpm,
    int CollectionRepeatPenaltyPpm,
    int RarityRepeatPenaltyPpm);
