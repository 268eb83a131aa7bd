namespace Commerce.Pricing.Recommendations;

/// <summary>A player as the recommender sees them: how engaged (0..1000) and what they looked at.</summary>
public sealed record RecommendationProfile(string PlayerId, int EngagementMilli, IReadOnlyList<InterestSignal> Interests);
