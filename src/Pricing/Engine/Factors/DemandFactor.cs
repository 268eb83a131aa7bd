using Commerce.Pricing.Policy;

namespace Commerce.Pricing.Engine.Factors;

/// <summary>
/// Demand surge. Per window: units = interests + bidWeight * bids, rate = units per hour,
/// intensity = rate / baselinePerHour. Intensity = weighted mean over the three windows.
/// Surge = clamp((intensity - 1) * surgePerUnit, 0, maxSurge): demand at or below baseline adds nothing.
/// </summary>
public static class DemandFactor
{
    /// <summary>Weighted demand intensity in thousandths (1000 = exactly the baseline rate).</summary>
    public static long IntensityMilli(in DemandSnapshot demand, DemandPolicy policy)
    {
        Int128 weighted = (WindowIntensityMilli(demand.Short, policy) * policy.ShortWeightPpm)
            + (WindowIntensityMilli(demand.Medium, policy) * policy.MediumWeightPpm)
            + (WindowIntensityMilli(demand.Long, policy) * policy.LongWeightPpm);
        return (long)Int128.Min(weighted / Amounts.Ppm.One, long.MaxValue);
    }

    public static int SurgePpm(in DemandSnapshot demand, DemandPolicy policy)
    {
        Int128 excess = IntensityMilli(demand, policy) - 1000;
        if (excess <= 0)
        {
            return 0;
        }

        var surge = excess * policy.SurgePpmPerUnit / 1000;
        return (int)Int128.Min(surge, policy.MaxSurgePpm);
    }

    private static Int128 WindowIntensityMilli(DemandCount count, DemandPolicy policy)
    {
        if (count.Window <= TimeSpan.Zero || policy.BaselineMilliPerHour <= 0)
        {
            return 0;
        }

        Int128 unitsMilli = ((Int128)Math.Max(count.Interests, 0) * 1000) + ((Int128)Math.Max(count.Bids, 0) * policy.BidWeightMilli);
        var perHourMilli = unitsMilli * TimeSpan.TicksPerHour / count.Window.Ticks;
        return perHourMilli * 1000 / policy.BaselineMilliPerHour;
    }
}
