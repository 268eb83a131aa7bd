using Commerce.Pricing.Amounts;

namespace Commerce.Pricing.Engine.Factors;

internal static class Amount
{
    /// <summary>Negative amounts are unknown (0); anything above the engine's range is capped.</summary>
    public static Int128 Sanitize(Int128 value) => value <= 0 ? 0 : Int128.Min(value, Ppm.MaxAmount);

    public static Int128 Clamp(Int128 value, Int128 min, Int128 max) => Int128.Max(min, Int128.Min(value, max));

    /// <summary>Ceiling division for non-negative operands.</summary>
    public static Int128 CeilDiv(Int128 value, Int128 divisor) => (value + divisor - 1) / divisor;
}
