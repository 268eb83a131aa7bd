using Commerce.Pricing.Amounts;
using Commerce.Pricing.Inputs;

namespace Commerce.Pricing.Policy;

/// <summary>Checks the rules every policy must satisfy; paths name the JSON field at fault.</summary>
public static class PolicyValidator
{
    private const int TenTimes = 10 * Ppm.One;

    public static IReadOnlyList<PolicyError> Validate(PricingPolicy policy)
    {
        var errors = new List<PolicyError>();
        void Check(bool ok, string path, string message)
        {
            if (!ok)
            {
                errors.Add(new PolicyError(path, message));
            }
        }

        Check(!string.IsNullOrWhiteSpace(policy.Version), "version", "must not be empty");
        Check(policy.QuoteTtl > TimeSpan.Zero && policy.QuoteTtl <= TimeSpan.FromDays(1), "quoteTtl", "must be more than 0 and at most 1.00:00:00");
        Check(policy.IntentTtl > TimeSpan.Zero && policy.IntentTtl <= TimeSpan.FromDays(7), "intentTtl", "must be more than 0 and at most 7.00:00:00");
        ValidateRecommendation(policy.Recommendation, Check);
        Check(policy.Collections.Count > 0, "collections", "must define at least one collection");
        foreach (var (name, collection) in policy.Collections.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            Check(name == collection.Name, $"collections.{name}", $"is keyed '{name}' but named '{collection.Name}'");
            ValidateCollection($"collections.{name}", collection, Check);
        }

        return errors;
    }

    /// <summary>Throws <see cref="PolicyValidationException"/> listing every error, or returns the policy.</summary>
    public static PricingPolicy EnsureValid(PricingPolicy policy)
    {
        var errors = Validate(policy);
        return errors.Count == 0 ? policy : throw new PolicyValidationException(errors);
    }

    private static void ValidateRecommendation(RecommendationPolicy r, Action<bool, string, string> check)
    {
        const string P = "recommendation";
        check(r.MaxItems is >= 1 and <= 100, $"{P}.maxItems", "must be 1..100");
        check(r.SimilarityWeightPpm is >= 0 and <= Ppm.One, $"{P}.weights.similarity", "must be 0..1");
        check(r.RarityWeightPpm is >= 0 and <= Ppm.One, $"{P}.weights.rarity", "must be 0..1");
        check(r.AffordabilityWeightPpm is >= 0 and <= Ppm.One, $"{P}.weights.affordability", "must be 0..1");
        check((long)r.SimilarityWeightPpm + r.RarityWeightPpm + r.AffordabilityWeightPpm > 0, $"{P}.weights", "must not all be 0");
        check(r.CollectionRepeatPenaltyPpm is >= 0 and <= Ppm.One, $"{P}.collectionRepeatPenalty", "must be 0..1");
        check(r.RarityRepeatPenaltyPpm is >= 0 and <= Ppm.One, $"{P}.rarityRepeatPenalty", "must be 0..1");
    }

    private static void ValidateCollection(string p, CollectionPolicy c, Action<bool, string, string> check)
    {
        check(!string.IsNullOrWhiteSpace(c.Name), p, "must have a name");
        check(c.PriceTick >= 1, $"{p}.priceTick", "must be at least one base unit");
        check(c.Floor > 0, $"{p}.floor", "must be more than 0");
        check(c.Ceiling <= Ppm.MaxAmount, $"{p}.ceiling", "is too large (at most 10^30 base units)");
        check(c.Floor <= c.Ceiling, $"{p}.floor", $"must not exceed ceiling ({c.Currency.Format(c.Ceiling)})");
        check(c.BasePrice >= c.Floor && c.BasePrice <= c.Ceiling, $"{p}.basePrice", "must lie between floor and ceiling");
        if (c.PriceTick >= 1)
        {
            check(c.Floor % c.PriceTick == 0, $"{p}.floor", "must be a multiple of priceTick");
            check(c.Ceiling % c.PriceTick == 0, $"{p}.ceiling", "must be a multiple of priceTick");
        }

        check(c.MaxChange.MaxChangePpm is > 0 and < Ppm.One, $"{p}.maxChange.fraction", "must be more than 0 and less than 1");
        check(c.MaxChange.Window > TimeSpan.Zero && c.MaxChange.Window <= TimeSpan.FromDays(30), $"{p}.maxChange.window", "must be more than 0 and at most 30 days");

        check(c.Market.WeightPpm is >= 0 and <= Ppm.One, $"{p}.market.weight", "must be 0..1");
        check(c.Market.LastSales is >= 1 and <= 1000, $"{p}.market.lastSales", "must be 1..1000");

        var d = c.Demand;
        check(d.BaselineMilliPerHour is > 0 and <= 1_000_000_000_000, $"{p}.demand.baselinePerHour", "must be more than 0 (and at most 10^9)");
        check(d.BidWeightMilli is >= 0 and <= 100_000, $"{p}.demand.bidWeight", "must be 0..100");
        check(d.ShortWeightPpm >= 0, $"{p}.demand.weights.short", "must not be negative");
        check(d.MediumWeightPpm >= 0, $"{p}.demand.weights.medium", "must not be negative");
        check(d.LongWeightPpm >= 0, $"{p}.demand.weights.long", "must not be negative");
        check((long)d.ShortWeightPpm + d.MediumWeightPpm + d.LongWeightPpm == Ppm.One, $"{p}.demand.weights", "must add up to 1");
        check(d.SurgePpmPerUnit is >= 0 and <= TenTimes, $"{p}.demand.surgePerUnit", "must be 0..10");
        check(d.MaxSurgePpm is >= 0 and <= TenTimes, $"{p}.demand.maxSurge", "must be 0..10");

        CheckTable(c.Scarcity.RarityPremiumPpm, Enum.GetNames<Rarity>(), $"{p}.scarcity.rarityPremium", 0, TenTimes, "0..10", check);
        check(c.Scarcity.SoldOutPremiumPpm is >= 0 and <= TenTimes, $"{p}.scarcity.soldOutPremium", "must be 0..10");

        var l = c.Loyalty;
        CheckTable(l.TierDiscountPpm, Enum.GetNames<LoyaltyTier>(), $"{p}.loyalty.discounts", 0, Ppm.One, "0..1", check);
        check(l.LifetimeValueStep > 0, $"{p}.loyalty.lifetimeValueStep", "must be more than 0");
        check(l.DiscountPerStepPpm is >= 0 and <= Ppm.One, $"{p}.loyalty.discountPerStep", "must be 0..1");
        check(l.MaxLifetimeValueDiscountPpm is >= 0 and <= Ppm.One, $"{p}.loyalty.maxLifetimeValueDiscount", "must be 0..1");
        var tiers = Enum.GetNames<LoyaltyTier>();
        var budgets = l.TierBudget.IsDefault ? [] : l.TierBudget;
        check(budgets.Length == tiers.Length, $"{p}.loyalty.budgets", $"must have one entry per tier ({string.Join(", ", tiers.Select(PolicyNames.Json))})");
        for (var i = 0; i < Math.Min(budgets.Length, tiers.Length); i++)
        {
            check(budgets[i] > 0 && budgets[i] <= Ppm.MaxAmount, $"{p}.loyalty.budgets.{PolicyNames.Json(tiers[i])}", "must be more than 0");
        }

        var e = c.Engagement;
        check(e.MaxPremiumPpm is >= 0 and <= Ppm.One, $"{p}.engagement.maxPremium", "must be 0..1");
        check(e.DwellSaturation > TimeSpan.Zero, $"{p}.engagement.dwellSaturation", "must be more than 0");
        check(e.RecencyHorizon > TimeSpan.Zero, $"{p}.engagement.recencyHorizon", "must be more than 0");

        CheckTable(c.Intent.IntentPpm, Enum.GetNames<ChatIntent>(), $"{p}.intent.adjustments", -Ppm.One, Ppm.One, "-1..1", check);
        check(c.Intent.SentimentPpm is >= 0 and <= Ppm.One, $"{p}.intent.sentimentWeight", "must be 0..1");

        check(c.AdjustmentBounds.MaxDiscountPpm is >= 0 and <= Ppm.One, $"{p}.adjustmentBounds.maxDiscount", "must be 0..1");
        check(c.AdjustmentBounds.MaxPremiumPpm is >= 0 and <= TenTimes, $"{p}.adjustmentBounds.maxPremium", "must be 0..10");
    }

    private static void CheckTable(
        System.Collections.Immutable.ImmutableArray<int> values,
        string[] names,
        string path,
        int min,
        int max,
        string range,
        Action<bool, string, string> check)
    {
        check(!values.IsDefault && values.Length == names.Length, path, $"must have one entry per value ({string.Join(", ", names.Select(PolicyNames.Json))})");
        if (values.IsDefault)
        {
            return;
        }

        for (var i = 0; i < Math.Min(values.Length, names.Length); i++)
        {
            check(values[i] >= min && values[i] <= max, $"{path}.{PolicyNames.Json(names[i])}", $"must be {range}");
        }
    }
}
