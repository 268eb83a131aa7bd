namespace Commerce.Testing.Crypto;

/// <summary>Result of <see cref="SigningComparison.Measure"/>: signatures per second of each path and the median signer/bare ratio.</summary>
public sealed record SigningThroughput(double SignerPerSecond, double BarePerSecond, double MedianRatio);
