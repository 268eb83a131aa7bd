namespace Commerce.Pricing.Replay;

/// <summary>Expected revenue (whole units of <see cref="Currency"/>) under each policy, from the conversion model.</summary>
public sealed record RevenueByCurrency(string Currency, decimal Baseline, decimal Candidate)
{
    public decimal Difference => Candidate - Baseline;
}
