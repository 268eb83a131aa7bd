namespace Commerce.Pricing.Engine;

/// <summary>Interests and bids counted over one sliding window of length <see cref="Window"/>.</summary>
public readonly record struct DemandCount(TimeSpan Window, int Interests, int Bids);
