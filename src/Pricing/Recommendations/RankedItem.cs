namespace Commerce.Pricing.Recommendations;

/// <summary>A candidate at its place in the ranking (1 = best).</summary>
public sealed record RankedItem(int Rank, RecommendationCandidate Candidate, RecommendationScore Score);
