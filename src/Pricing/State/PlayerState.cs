using Commerce.Pricing.Inputs;

namespace Commerce.Pricing.State;

internal sealed class PlayerState
{
    public LoyaltyTier Tier { get; set; }

    public long LifetimeValue { get; set; }

    public long LoyaltyTicks { get; set; } = long.MinValue;

    public ChatIntentDetected? Intent { get; set; }

    /// <summary>Sorted by time.</summary>
    public List<PlayerInterest> Interests { get; } = [];
}
