using Commerce.Pricing.Amounts;
using Commerce.Pricing.Inputs;
using Commerce.Pricing.Offers;
using Commerce.Pricing.Policy;
using Commerce.Pricing.State;

namespace Commerce.Pricing.Replay;

/// <summary>Reprices a recorded stream under a candidate policy and reports the difference from the baseline policy.</summary>
public static class WhatIf
{
    public static WhatIfReport Compare(
        IReadOnlyList<PricingInput> recorded,
        PricingPolicy baseline,
        PricingPolicy candidate,
        IConversionModel? conversion = null,
        PricingStateOptions? options = null)
    {
        conversion ??= new ElasticConversionModel();
        var before = ReplayRunner.Run(recorded, baseline, options);
        var after = ReplayRunner.Run(recorded, candidate, options);

        var differences = new List<OfferDifference>();
        var revenue = new SortedDictionary<string, (decimal Baseline, decimal Candidate)>(StringComparer.Ordinal);
        int repriced = 0, added = 0, removed = 0, both = 0;
        Int128 changePpmSum = 0;
        for (var i = 0; i < before.Offers.Count; i++)
        {
            var b = before.Offers[i];
            var c = after.Offers[i];
            var baselineItems = b.Items.ToDictionary(x => x.ItemId, StringComparer.Ordinal);
            var candidateItems = c.Items.ToDictionary(x => x.ItemId, StringComparer.Ordinal);
            var changes = new List<ItemPriceChange>();
            foreach (var itemId in baselineItems.Keys.Union(candidateItems.Keys).Order(StringComparer.Ordinal))
            {
                baselineItems.TryGetValue(itemId, out var bi);
                candidateItems.TryGetValue(itemId, out var ci);
                var change = new ItemPriceChange(itemId, bi?.Price, ci?.Price, bi?.Rank, ci?.Rank);
                if (bi is not null && ci is not null)
                {
                    both++;
                    if (bi.Price.Currency == ci.Price.Currency && bi.Price.BaseUnits > 0)
                    {
                        changePpmSum += (ci.Price.BaseUnits - bi.Price.BaseUnits) * Ppm.One / bi.Price.BaseUnits;
                    }

                    repriced += bi.Price != ci.Price ? 1 : 0;
                }

                added += bi is null ? 1 : 0;
                removed += ci is null ? 1 : 0;
                if (bi is not null)
                {
                    Add(revenue, bi.Price, conversion.Probability(bi.Rank, bi.Price, bi.Price), baselineSide: true);
                }

                if (ci is not null)
                {
                    var reference = bi is not null && bi.Price.Currency == ci.Price.Currency ? bi.Price : ci.Price;
                    Add(revenue, ci.Price, conversion.Probability(ci.Rank, ci.Price, reference), baselineSide: false);
                }

                if (change.Changed)
                {
                    changes.Add(change);
                }
            }

            if (changes.Count > 0)
            {
                differences.Add(new OfferDifference(i, b.PlayerId, b.At, changes));
            }
        }

        return new WhatIfReport(
            baseline.Version,
            candidate.Version,
            before.Offers.Count,
            differences.Count,
            repriced,
            added,
            removed,
            both == 0 ? 0 : (long)(changePpmSum / both),
            revenue.Select(r => new RevenueByCurrency(r.Key, decimal.Round(r.Value.Baseline, 6), decimal.Round(r.Value.Candidate, 6))).ToList(),
            differences);
    }

    private static void Add(SortedDictionary<string, (decimal Baseline, decimal Candidate)> revenue, Money price, double probability, bool baselineSide)
    {
        // Split before converting: 10^30 base units would overflow decimal, whole units do not.
        var one = price.Currency.OneUnit;
        var whole = (decimal)(price.BaseUnits / one) + ((decimal)(price.BaseUnits % one) / (decimal)one);
        var expected = whole * (decimal)probability;
        var current = revenue.GetValueOrDefault(price.Currency.Code);
        revenue[price.Currency.Code] = baselineSide ? (current.Baseline + expected, current.Candidate) : (current.Baseline, current.Candidate + expected);
    }
}
