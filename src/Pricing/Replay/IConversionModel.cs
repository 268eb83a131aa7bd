using Commerce.Pricing.Amounts;

namespace Commerce.Pricing.Replay;

/// <summary>The chance an offered item is bought, for expected-revenue estimates in a what-if.</summary>
public interface IConversionModel
{
    /// <param name="rank">1 = first in the offer.</param>
    /// <param name="price">The price offered.</param>
    /// <param name="reference">The price the same item had in the baseline offer (or <paramref name="price"/> when it was not offered).</param>
    double Probability(int rank, Money price, Money reference);
}
