namespace Commerce.Pricing.Amounts;

/// <summary>Parts per million: every factor and bound is a fixed-point fraction, so pricing is exact and portable.</summary>
public static class Ppm
{
    public const int One = 1_000_000;

    /// <summary>The largest amount in base units the engine accepts (10^30); products with ppm stay inside Int128.</summary>
    public static readonly Int128 MaxAmount = Int128.Parse("1000000000000000000000000000000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>amount * ppm / 10^6, rounded toward zero.</summary>
    public static Int128 Apply(Int128 amount, long ppm) => amount * ppm / One;

    /// <summary>Parses a fraction written as a decimal ("0.05") into ppm; at most 6 decimals.</summary>
    public static bool TryParseFraction(decimal value, out int ppm)
    {
        ppm = 0;
        var scaled = value * One;
        if (scaled != decimal.Truncate(scaled) || scaled > int.MaxValue || scaled < int.MinValue)
        {
            return false;
        }

        ppm = (int)scaled;
        return true;
    }

    public static string Format(long ppm) => (ppm / (decimal)One).ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
}
