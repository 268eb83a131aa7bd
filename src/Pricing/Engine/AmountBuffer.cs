using System.Runtime.CompilerServices;

namespace Commerce.Pricing.Engine;

/// <summary>One amount per factor, stored inline so a decision never allocates.</summary>
[InlineArray(FactorCount.Value)]
internal struct AmountBuffer
{
    private Int128 _element;
}
