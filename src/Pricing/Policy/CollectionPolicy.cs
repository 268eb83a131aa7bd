using Commerce.Pricing.Amounts;

namespace Commerce.Pricing.Policy;

/// <summary>How one collection is priced. Amounts are base units of <see cref="Currency"/>.</summary>
public sealed record CollectionPolicy
{
    public required string Name { get; init; }

    public required Currency Currency { get; init; }

    public required Int128 BasePrice { get; init; }

    /// <summary>No price is ever quoted below this.</summary>
    public required Int128 Floor { get; init; }

    /// <summary>No price is ever quoted above this.</summary>
    public required Int128 Ceiling { get; init; }

    /// <summary>Quoted prices are rounded down to a multiple of this (1 = no rounding).</summary>
    public required Int128 PriceTick { get; init; }

    public required RateLimitPolicy MaxChange { get; init; }

    public required MarketPolicy Market { get; init; }

    public required DemandPolicy Demand { get; init; }

    public required ScarcityPolicy Scarcity { get; init; }

    public required LoyaltyPolicy Loyalty { get; init; }

    public required EngagementPolicy Engagement { get; init; }

    public required IntentPolicy Intent { get; init; }

    public required AdjustmentBounds AdjustmentBounds { get; init; }
}
