using Commerce.Pricing.Amounts;
using Commerce.Pricing.Policy;

namespace Commerce.Pricing.Recommendations;

/// <summary>
/// Ranks items for a player. Score (0..1000 per component):
/// similarity = 1000 for an item of interest, else max over interests of 500 (same collection) + 500 * Jaccard(traits);
/// rarity match = 1000 - 250 * |rarity - target|, target = engagement mapped onto Common..Legendary;
/// affordability = 1000 within the tier's budget, else 1000 * budget / price.
/// Items are picked greedily by weighted score minus a penalty per already-picked item of the same collection and
/// of the same rarity (diversity). Ties go to the higher base score, then to the smaller item id (ordinal), so the
/// same inputs in any order give the same ranking.
/// </summary>
public static class Recommender
{
    private const int Max = 1000;
    private const int RarityLevels = 5;

    public static IReadOnlyList<RankedItem> Rank(
        RecommendationProfile profile,
        IReadOnlyList<RecommendationCandidate> candidates,
        RecommendationPolicy policy,
        int? maxItems = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (!seen.Add(candidate.ItemId))
            {
                throw new ArgumentException($"Candidate item '{candidate.ItemId}' appears more than once.", nameof(candidates));
            }
        }

        var interests = profile.Interests
            .Select(i => (i.ItemId, i.Collection, Traits: new HashSet<string>(i.Traits, StringComparer.Ordinal)))
            .ToList();
        var target = (int)Math.Round(Math.Clamp(profile.EngagementMilli, 0, Max) * (RarityLevels - 1) / (double)Max, MidpointRounding.AwayFromZero);
        var scored = candidates
            .Select(c => Score(c, interests, target, policy))
            .ToList();

        var limit = Math.Min(maxItems ?? policy.MaxItems, scored.Count);
        var ranked = new List<RankedItem>(limit);
        var perCollection = new Dictionary<string, int>(StringComparer.Ordinal);
        var perRarity = new int[RarityLevels];
        var picked = new bool[scored.Count];
        for (var rank = 1; rank <= limit; rank++)
        {
            var best = -1;
            var bestTotal = 0;
            var bestPenalty = 0;
            for (var i = 0; i < scored.Count; i++)
            {
                if (picked[i])
                {
                    continue;
                }

                var (candidate, baseScore, _) = scored[i];
                var penalty = (int)(((long)perCollection.GetValueOrDefault(candidate.Collection) * policy.CollectionRepeatPenaltyPpm * Max / Ppm.One)
                    + ((long)perRarity[RarityIndex(candidate)] * policy.RarityRepeatPenaltyPpm * Max / Ppm.One));
                var total = baseScore - penalty;
                if (best < 0 || IsBetter(total, baseScore, candidate.ItemId, bestTotal, scored[best].BaseScore, scored[best].Candidate.ItemId))
                {
                    best = i;
                    bestTotal = total;
                    bestPenalty = penalty;
                }
            }

            picked[best] = true;
            var chosen = scored[best];
            perCollection[chosen.Candidate.Collection] = perCollection.GetValueOrDefault(chosen.Candidate.Collection) + 1;
            perRarity[RarityIndex(chosen.Candidate)]++;
            ranked.Add(new RankedItem(rank, chosen.Candidate, chosen.Parts with { DiversityPenalty = bestPenalty, Total = bestTotal }));
        }

        return ranked;
    }

    private static (RecommendationCandidate Candidate, int BaseScore, RecommendationScore Parts) Score(
        RecommendationCandidate candidate,
        List<(string ItemId, string Collection, HashSet<string> Traits)> interests,
        int targetRarity,
        RecommendationPolicy policy)
    {
        var similarity = Similarity(candidate, interests);
        var rarity = Max - (Max / (RarityLevels - 1) * Math.Abs(RarityIndex(candidate) - targetRarity));
        var price = candidate.Price.BaseUnits;
        var affordability = price <= candidate.Budget || price <= 0
            ? Max
            : (int)(Int128.Max(candidate.Budget, 0) * Max / price);
        var total = (int)((((long)similarity * policy.SimilarityWeightPpm) + ((long)rarity * policy.RarityWeightPpm) + ((long)affordability * policy.AffordabilityWeightPpm)) / Ppm.One);
        return (candidate, total, new RecommendationScore(similarity, rarity, affordability, 0, total));
    }

    private static int Similarity(RecommendationCandidate candidate, List<(string ItemId, string Collection, HashSet<string> Traits)> interests)
    {
        var best = 0;
        var candidateTraits = candidate.Traits.Count == 0 ? null : new HashSet<string>(candidate.Traits, StringComparer.Ordinal);
        foreach (var (itemId, collection, traits) in interests)
        {
            if (string.Equals(itemId, candidate.ItemId, StringComparison.Ordinal))
            {
                return Max;
            }

            var score = string.Equals(collection, candidate.Collection, StringComparison.Ordinal) ? Max / 2 : 0;
            if (candidateTraits is not null)
            {
                var shared = 0;
                foreach (var trait in candidateTraits)
                {
                    shared += traits.Contains(trait) ? 1 : 0;
                }

                var union = traits.Count + candidateTraits.Count - shared;
                score += Max / 2 * shared / union;
            }

            best = Math.Max(best, score);
        }

        return best;
    }

    private static bool IsBetter(int total, int baseScore, string itemId, int bestTotal, int bestBase, string bestItemId) =>
        total != bestTotal ? total > bestTotal
        : baseScore != bestBase ? baseScore > bestBase
        : string.CompareOrdinal(itemId, bestItemId) < 0;

    private static int RarityIndex(RecommendationCandidate candidate) => Math.Clamp((int)candidate.Rarity, 0, RarityLevels - 1);
}
