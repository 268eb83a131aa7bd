namespace Commerce.Chain.Crypto;

/// <summary>Result of <see cref="SigningBenchmarkHook.MeasureThroughput"/>: signatures per second and the median library/bare ratio.</summary>
public sealed record SigningThroughput(double LibraryPerSecond, double BarePerSecond, double MedianRatio);
