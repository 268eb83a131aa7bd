namespace Commerce.Benchmarks;

/// <summary>p50 / p99 / max of a set of durations in milliseconds (nearest rank).</summary>
internal static class Percentiles
{
    public static string Describe(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
            return "none";
        return $"p50 {At(sorted, 0.50),7:F0} ms   p99 {At(sorted, 0.99),7:F0} ms   max {sorted[^1],7:F0} ms   (n = {sorted.Length})";
    }

    public static double At(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
