namespace Commerce.Pricing.Policy;

/// <summary>Engagement premium: up to <see cref="MaxPremiumPpm"/> for a player who dwelt long and recently on the item.</summary>
public sealed record EngagementPolicy(int MaxPremiumPpm, TimeSpan DwellSaturation, TimeSpan RecencyHorizon);
