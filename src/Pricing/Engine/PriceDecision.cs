using Commerce.Pricing.Amounts;

namespace Commerce.Pricing.Engine;

/// <summary>
/// A price for one player and one item, with each factor's contribution. A value type with inline buffers:
/// deciding a price allocates nothing. Contributions add up to <see cref="Price"/> exactly.
/// </summary>
public struct PriceDecision
{
    private AmountBuffer _amounts;
    private PpmBuffer _rates;

    internal PriceDecision(Currency currency)
    {
        Currency = currency;
    }

    public Currency Currency { get; }

    /// <summary>The quoted price in base units (the sum of all contributions).</summary>
    public Int128 Price { get; internal set; }

    /// <summary>The item's list price (before personal adjustments): what the rate limit governs.</summary>
    public Int128 ListPrice { get; internal set; }

    public GuardrailFlags Guardrails { get; internal set; }

    public readonly Money PriceMoney => new(Price, Currency);

    public readonly Money ListPriceMoney => new(ListPrice, Currency);

    public readonly Int128 Contribution(Factor factor) => _amounts[(int)factor];

    public readonly int RatePpm(Factor factor) => _rates[(int)factor];

    /// <summary>The non-zero contributions, in engine order (allocates; not for the hot path).</summary>
    public readonly IReadOnlyList<FactorContribution> Explain()
    {
        var list = new List<FactorContribution>(FactorCount.Value);
        for (var i = 0; i < FactorCount.Value; i++)
        {
            if (_amounts[i] != 0 || _rates[i] != 0 || i == (int)Factor.Base)
            {
                list.Add(new FactorContribution((Factor)i, new Money(_amounts[i], Currency), _rates[i]));
            }
        }

        return list;
    }

    internal void Set(Factor factor, Int128 amount, int ratePpm)
    {
        _amounts[(int)factor] = amount;
        _rates[(int)factor] = ratePpm;
    }
}
