using Commerce.Pricing.Policy;

namespace Commerce.Pricing.Engine.Factors;

/// <summary>
/// Engagement score (0..1000) = 600 * min(dwell / dwellSaturation, 1) + 400 * max(1 - age / recencyHorizon, 0),
/// 0 for a player who never showed interest. Premium = maxPremium * score / 1000.
/// </summary>
public static class EngagementFactor
{
    public const int MaxScore = 1000;

    public static int ScoreMilli(TimeSpan dwell, TimeSpan? lastInterestAge, EngagementPolicy policy)
    {
        if (lastInterestAge is not { } age)
        {
            return 0;
        }

        long score = 0;
        if (dwell > TimeSpan.Zero && policy.DwellSaturation > TimeSpan.Zero)
        {
            score += 600L * Math.Min(dwell.Ticks, policy.DwellSaturation.Ticks) / policy.DwellSaturation.Ticks;
        }

        if (policy.RecencyHorizon > TimeSpan.Zero)
        {
            var ageTicks = Math.Max(age.Ticks, 0);
            score += 400L * Math.Max(policy.RecencyHorizon.Ticks - ageTicks, 0) / policy.RecencyHorizon.Ticks;
        }

        return (int)score;
    }

    public static int PremiumPpm(TimeSpan dwell, TimeSpan? lastInterestAge, EngagementPolicy policy) =>
        (int)((long)policy.MaxPremiumPpm * ScoreMilli(dwell, lastInterestAge, policy) / MaxScore);
}
