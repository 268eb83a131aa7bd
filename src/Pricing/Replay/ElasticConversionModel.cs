using Commerce.Pricing.Amounts;

namespace Commerce.Pricing.Replay;

/// <summary>
/// p = baseRate * rankDecay^(rank - 1) * (reference / price)^elasticity, capped at 1:
/// lower in the list, less likely; dearer than the baseline, less likely (elasticity 1.5 by default).
/// </summary>
public sealed class ElasticConversionModel(double baseRate = 0.05, double rankDecay = 0.7, double elasticity = 1.5) : IConversionModel
{
    public double Probability(int rank, Money price, Money reference)
    {
        if (price.BaseUnits <= 0)
        {
            return 0;
        }

        var ratio = (double)reference.BaseUnits / (double)price.BaseUnits;
        var p = baseRate * Math.Pow(rankDecay, Math.Max(rank - 1, 0)) * Math.Pow(ratio, elasticity);
        return Math.Clamp(p, 0, 1);
    }
}
