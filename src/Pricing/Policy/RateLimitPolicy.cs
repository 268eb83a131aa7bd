namespace Commerce.Pricing.Policy;

/// <summary>The list price of an item never moves by more than <see cref="MaxChangePpm"/> within any <see cref="Window"/>.</summary>
public sealed record RateLimitPolicy(int MaxChangePpm, TimeSpan Window);
