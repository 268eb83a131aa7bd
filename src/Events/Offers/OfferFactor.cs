using Orleans;

namespace Commerce.Events.Offers;

/// <summary>What one pricing factor added to (negative: took from) a price, in whole units, and its rate in ppm.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.OfferFactor")]
public sealed record OfferFactor(
    [property: Id(0)] string Factor,
    [property: Id(1)] string Amount,
    [property: Id(2)] int RatePpm);
