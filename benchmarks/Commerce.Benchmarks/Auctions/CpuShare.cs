namespace Commerce.Benchmarks.Auctions;

/// <summary>
/// A closed loop's process CPU time per call and the share of the machine's cores it kept busy: near 100 % the loop is
/// CPU-bound (faster needs cheaper calls); well below it, latency-bound (callers wait on something idle, e.g. a write).
/// </summary>
internal sealed record CpuShare(double MicrosPerCall, double Busy)
{
    public override string ToString() => $"{MicrosPerCall:F1} CPU-µs/call, process CPU {100 * Busy:F0} % of {Environment.ProcessorCount} cores";
}
