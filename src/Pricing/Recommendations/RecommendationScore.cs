namespace Commerce.Pricing.Recommendations;

/// <summary>
/// Why an item ranks where it does. Components are 0..1000; <see cref="Total"/> is their weighted sum minus the
/// diversity penalty at the moment the item was picked.
/// </summary>
public readonly record struct RecommendationScore(int Similarity, int RarityMatch, int Affordability, int DiversityPenalty, int Total);
