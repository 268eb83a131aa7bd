using Commerce.Pricing.Inputs;

namespace Commerce.Pricing.Engine;

/// <summary>
/// Everything the engine knows about one player and one item at one instant. Amounts are base units of the
/// collection's currency; 0 means unknown. Any value is accepted: out-of-range inputs are clamped, never trusted.
/// </summary>
public readonly record struct PricingContext
{
    public string ItemId { get; init; }

    public string Collection { get; init; }

    public Rarity Rarity { get; init; }

    public int Remaining { get; init; }

    public int Total { get; init; }

    /// <summary>Lowest marketplace listing of the collection.</summary>
    public Int128 MarketFloor { get; init; }

    /// <summary>Mean of the collection's last sales (as many as the policy asks for).</summary>
    public Int128 RecentSalesMean { get; init; }

    public DemandSnapshot Demand { get; init; }

    public LoyaltyTier Tier { get; init; }

    /// <summary>Whole units of the CRM's reporting currency.</summary>
    public long LifetimeValue { get; init; }

    /// <summary>Total dwell of this player on this item within the engagement horizon.</summary>
    public TimeSpan Dwell { get; init; }

    /// <summary>Time since this player last showed interest in this item; null when never.</summary>
    public TimeSpan? LastInterestAge { get; init; }

    public ChatIntent Intent { get; init; }

    /// <summary>-1000 (negative) .. 1000 (positive).</summary>
    public int SentimentMilli { get; init; }

    /// <summary>Largest discount of the campaigns active for the collection now (ppm).</summary>
    public int CampaignDiscountPpm { get; init; }

    /// <summary>When the campaign behind <see cref="CampaignDiscountPpm"/> ends; quotes expire no later.</summary>
    public DateTimeOffset? CampaignEndsAt { get; init; }

    /// <summary>Lowest list price quoted for the item within the rate-limit window; 0 when none.</summary>
    public Int128 RecentListLow { get; init; }

    /// <summary>Highest list price quoted for the item within the rate-limit window; 0 when none.</summary>
    public Int128 RecentListHigh { get; init; }
}
