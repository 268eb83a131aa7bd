using System.Collections.Frozen;

namespace Commerce.Pricing.Policy;

/// <summary>
/// A versioned pricing policy, precomputed for the hot path: amounts in base units, fractions in ppm.
/// Load it with <see cref="PolicyLoader"/>; a policy built in code is checked with <see cref="PolicyValidator"/>.
/// </summary>
public sealed record PricingPolicy
{
    public required string Version { get; init; }

    /// <summary>How long a quoted price stays valid.</summary>
    public required TimeSpan QuoteTtl { get; init; }

    /// <summary>How long a detected chat intent keeps influencing prices.</summary>
    public required TimeSpan IntentTtl { get; init; }

    public required RecommendationPolicy Recommendation { get; init; }

    public required FrozenDictionary<string, CollectionPolicy> Collections { get; init; }

    public bool TryGetCollection(string collection, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CollectionPolicy? policy) =>
        Collections.TryGetValue(collection, out policy);

    /// <summary>A copy with one collection's policy added or replaced.</summary>
    public PricingPolicy WithCollection(CollectionPolicy collection)
    {
        var copy = new Dictionary<string, CollectionPolicy>(Collections, StringComparer.Ordinal)
        {
            [collection.Name] = collection,
        };
        return this with { Collections = copy.ToFrozenDictionary(StringComparer.Ordinal) };
    }
}
