namespace Commerce.Pricing.Engine;

internal static class FactorCount
{
    /// <summary>Number of <see cref="Factor"/> members; the inline buffers are this long.</summary>
    public const int Value = 14;
}
