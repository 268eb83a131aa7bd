namespace Commerce.Events.Offers;

/// <summary>What one pricing factor added to (negative: took from) a price, in whole units, and its rate in ppm.</summary>
public sealed record OfferFactor(string Factor, string Amount, int RatePpm);
