using System.Runtime.CompilerServices;

namespace Commerce.Pricing.Engine;

/// <summary>One rate (ppm) per factor, stored inline so a decision never allocates.</summary>
[InlineArray(FactorCount.Value)]
internal struct PpmBuffer
{
    private int _element;
}
