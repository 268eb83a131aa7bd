using System.Globalization;

namespace Commerce.GameSimulator.Display;

/// <summary>Nearest-rank percentiles of latencies in milliseconds.</summary>
public static class Percentiles
{
    public static double? Of(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>"p50 1.2 s, p99 3.4 s (n = 17)", or "none measured".</summary>
    public static string Describe(IReadOnlyList<double> values) =>
        values.Count == 0
            ? "none measured"
            : string.Create(CultureInfo.InvariantCulture, $"p50 {Seconds(Of(values, 50)!.Value)}, p99 {Seconds(Of(values, 99)!.Value)} (n = {values.Count})");

    private static string Seconds(double ms) =>
        ms < 1000 ? string.Create(CultureInfo.InvariantCulture, $"{ms:0} ms") : string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:0.0} s");
}
