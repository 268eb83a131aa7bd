using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using Commerce.Pricing.Amounts;
using Commerce.Pricing.Inputs;

namespace Commerce.Pricing.Policy;

/// <summary>
/// Loads a policy from JSON and validates it. Every error names its field
/// (<c>collections.dragons.demand.weights: must add up to 1</c>); all of them are reported at once.
/// </summary>
public static class PolicyLoader
{
    public static PricingPolicy LoadFile(string path) => Load(File.ReadAllText(path));

    /// <summary>The sample policy shipped with the engine (policies/default.json).</summary>
    public static PricingPolicy LoadDefault()
    {
        using var stream = typeof(PolicyLoader).Assembly.GetManifestResourceStream("Commerce.Pricing.policies.default.json")
            ?? throw new InvalidOperationException("The embedded default policy is missing from Commerce.Pricing.");
        using var reader = new StreamReader(stream);
        return Load(reader.ReadToEnd());
    }

    public static PricingPolicy Load(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new PolicyValidationException([new PolicyError("$", $"is not valid JSON: {ex.Message}")]);
        }

        using (document)
        {
            var errors = new List<PolicyError>();
            var root = JsonSection.Root(document.RootElement, errors);
            var policy = root is null ? null : Read(root);
            if (errors.Count > 0 || policy is null)
            {
                throw new PolicyValidationException(errors);
            }

            return PolicyValidator.EnsureValid(policy);
        }
    }

    private static PricingPolicy? Read(JsonSection root)
    {
        var version = root.String("version");
        var quoteTtl = root.Duration("quoteTtl");
        var intentTtl = root.Duration("intentTtl");
        var currencies = ReadCurrencies(root.Section("currencies"));
        var recommendation = ReadRecommendation(root.Section("recommendation"));
        var collections = new Dictionary<string, CollectionPolicy>(StringComparer.Ordinal);
        var section = root.Section("collections");
        if (section is not null)
        {
            foreach (var name in section.PropertyNames())
            {
                var collection = section.Section(name);
                if (collection is not null)
                {
                    collections[name] = ReadCollection(name, collection, currencies);
                }
            }
        }

        root.RejectUnknown();
        return recommendation is null
            ? null
            : new PricingPolicy
            {
                Version = version,
                QuoteTtl = quoteTtl,
                IntentTtl = intentTtl,
                Recommendation = recommendation,
                Collections = collections.ToFrozenDictionary(StringComparer.Ordinal),
            };
    }

    private static Dictionary<string, Currency> ReadCurrencies(JsonSection? section)
    {
        var currencies = new Dictionary<string, Currency>(StringComparer.Ordinal);
        if (section is null)
        {
            return currencies;
        }

        foreach (var code in section.PropertyNames())
        {
            var decimals = section.Int(code);
            if (decimals is < 0 or > Currency.MaxDecimals)
            {
                section.Error(code, $"decimals must be 0..{Currency.MaxDecimals}");
                continue;
            }

            currencies[code] = new Currency(code, decimals);
        }

        return currencies;
    }

    private static RecommendationPolicy? ReadRecommendation(JsonSection? s)
    {
        if (s is null)
        {
            return null;
        }

        var maxItems = s.Int("maxItems");
        var weights = s.Section("weights");
        var similarity = weights?.Fraction("similarity") ?? 0;
        var rarity = weights?.Fraction("rarity") ?? 0;
        var affordability = weights?.Fraction("affordability") ?? 0;
        weights?.RejectUnknown();
        var policy = new RecommendationPolicy(
            maxItems,
            similarity,
            rarity,
            affordability,
            s.Fraction("collectionRepeatPenalty"),
            s.Fraction("rarityRepeatPenalty"));
        s.RejectUnknown();
        return policy;
    }

    private static CollectionPolicy ReadCollection(string name, JsonSection s, Dictionary<string, Currency> currencies)
    {
        var code = s.String("currency");
        Currency? currency = null;
        if (code.Length > 0 && !currencies.TryGetValue(code, out currency))
        {
            s.Error("currency", $"'{code}' is not declared under currencies");
        }

        var policy = new CollectionPolicy
        {
            Name = name,
            Currency = currency ?? Currency.Eth,
            BasePrice = s.Amount("basePrice", currency),
            Floor = s.Amount("floor", currency),
            Ceiling = s.Amount("ceiling", currency),
            PriceTick = s.Amount("priceTick", currency),
            MaxChange = ReadMaxChange(s.Section("maxChange")),
            Market = ReadMarket(s.Section("market")),
            Demand = ReadDemand(s.Section("demand")),
            Scarcity = ReadScarcity(s.Section("scarcity")),
            Loyalty = ReadLoyalty(s.Section("loyalty"), currency),
            Engagement = ReadEngagement(s.Section("engagement")),
            Intent = ReadIntent(s.Section("intent")),
            AdjustmentBounds = ReadBounds(s.Section("adjustmentBounds")),
        };
        s.RejectUnknown();
        return policy;
    }

    private static RateLimitPolicy ReadMaxChange(JsonSection? s)
    {
        var policy = new RateLimitPolicy(s?.Fraction("fraction") ?? 0, s?.Duration("window") ?? TimeSpan.Zero);
        s?.RejectUnknown();
        return policy;
    }

    private static MarketPolicy ReadMarket(JsonSection? s)
    {
        var policy = new MarketPolicy(s?.Fraction("weight") ?? 0, s?.Int("lastSales") ?? 0);
        s?.RejectUnknown();
        return policy;
    }

    private static DemandPolicy ReadDemand(JsonSection? s)
    {
        var baseline = s?.Decimal("baselinePerHour") ?? 0m;
        var bidWeight = s?.Decimal("bidWeight") ?? 0m;
        var weights = s?.Section("weights");
        var policy = new DemandPolicy(
            ToMilli(s, "baselinePerHour", baseline),
            (int)ToMilli(s, "bidWeight", bidWeight),
            weights?.Fraction("short") ?? 0,
            weights?.Fraction("medium") ?? 0,
            weights?.Fraction("long") ?? 0,
            s?.Fraction("surgePerUnit") ?? 0,
            s?.Fraction("maxSurge") ?? 0);
        weights?.RejectUnknown();
        s?.RejectUnknown();
        return policy;
    }

    private static ScarcityPolicy ReadScarcity(JsonSection? s)
    {
        var policy = new ScarcityPolicy(ReadTable<Rarity>(s?.Section("rarityPremium")), s?.Fraction("soldOutPremium") ?? 0);
        s?.RejectUnknown();
        return policy;
    }

    private static LoyaltyPolicy ReadLoyalty(JsonSection? s, Currency? currency)
    {
        var step = s?.Decimal("lifetimeValueStep") ?? 0m;
        if (s is not null && step != decimal.Truncate(step))
        {
            s.Error("lifetimeValueStep", "must be a whole number");
        }

        var budgets = s?.Section("budgets");
        var budgetTable = ImmutableArray.CreateBuilder<Int128>();
        foreach (var tier in Enum.GetNames<LoyaltyTier>())
        {
            budgetTable.Add(budgets?.Amount(PolicyNames.Json(tier), currency) ?? 0);
        }

        budgets?.RejectUnknown();
        var policy = new LoyaltyPolicy(
            ReadTable<LoyaltyTier>(s?.Section("discounts")),
            step is > 0 and < long.MaxValue ? (long)step : 0,
            s?.Fraction("discountPerStep") ?? 0,
            s?.Fraction("maxLifetimeValueDiscount") ?? 0,
            budgetTable.ToImmutable());
        s?.RejectUnknown();
        return policy;
    }

    private static EngagementPolicy ReadEngagement(JsonSection? s)
    {
        var policy = new EngagementPolicy(
            s?.Fraction("maxPremium") ?? 0,
            s?.Duration("dwellSaturation") ?? TimeSpan.Zero,
            s?.Duration("recencyHorizon") ?? TimeSpan.Zero);
        s?.RejectUnknown();
        return policy;
    }

    private static IntentPolicy ReadIntent(JsonSection? s)
    {
        var policy = new IntentPolicy(ReadTable<ChatIntent>(s?.Section("adjustments")), s?.Fraction("sentimentWeight") ?? 0);
        s?.RejectUnknown();
        return policy;
    }

    private static AdjustmentBounds ReadBounds(JsonSection? s)
    {
        var policy = new AdjustmentBounds(s?.Fraction("maxDiscount") ?? 0, s?.Fraction("maxPremium") ?? 0);
        s?.RejectUnknown();
        return policy;
    }

    /// <summary>A fraction per enum member, keyed by the member's camelCase name; every member is required.</summary>
    private static ImmutableArray<int> ReadTable<TEnum>(JsonSection? s)
        where TEnum : struct, Enum
    {
        var names = Enum.GetNames<TEnum>();
        var table = ImmutableArray.CreateBuilder<int>(names.Length);
        foreach (var name in names)
        {
            table.Add(s?.Fraction(PolicyNames.Json(name)) ?? 0);
        }

        s?.RejectUnknown();
        return table.MoveToImmutable();
    }

    private static long ToMilli(JsonSection? s, string name, decimal value)
    {
        var milli = value * 1000m;
        if (milli != decimal.Truncate(milli) || milli < 0 || milli > 1_000_000_000_000m)
        {
            s?.Error(name, "must be a non-negative number with at most 3 decimals (and at most 10^9)");
            return 0;
        }

        return (long)milli;
    }
}
