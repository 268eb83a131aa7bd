using System.Text.Json.Nodes;
using Commerce.Pricing.Amounts;
using Commerce.Pricing.Inputs;
using Commerce.Pricing.Policy;
using Commerce.Pricing.Tests.Support;

namespace Commerce.Pricing.Tests.Policy;

public class PolicyLoaderTests
{
    private static readonly string DefaultJson = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "policies", "default.json"));

    [Fact]
    public void The_sample_policy_file_loads_and_validates()
    {
        var policy = PolicyLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "policies", "default.json"));

        Assert.Equal("2026.11.1", policy.Version);
        Assert.Equal(TimeSpan.FromMinutes(2), policy.QuoteTtl);
        Assert.Equal(["blades", "dragons", "skins"], policy.Collections.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(PolicyValidator.Validate(policy));
    }

    [Fact]
    public void Amounts_and_fractions_are_precomputed_into_base_units_and_ppm()
    {
        var dragons = Policies.Dragons;

        Assert.Equal(Currency.Eth, dragons.Currency);
        Assert.Equal(Wei.Eth("0.05"), dragons.BasePrice);
        Assert.Equal(Wei.Eth("0.0001"), dragons.PriceTick);
        Assert.Equal(100_000, dragons.MaxChange.MaxChangePpm);
        Assert.Equal(800_000, dragons.Scarcity.RarityPremiumPpm[(int)Rarity.Legendary]);
        Assert.Equal(-70_000, dragons.Intent.IntentPpm[(int)ChatIntent.Negotiate]);
        Assert.Equal(12_000, dragons.Demand.BaselineMilliPerHour);
        Assert.Equal(Money.Parse("250", Currency.Usdc).BaseUnits, Policies.Skins.Loyalty.TierBudget[(int)LoyaltyTier.Platinum]);
    }

    [Theory]
    [InlineData("collections.dragons.floor", "\"0.6\"", "collections.dragons.floor: must not exceed ceiling (0.5)")]
    [InlineData("collections.dragons.basePrice", "\"0.01\"", "collections.dragons.basePrice: must lie between floor and ceiling")]
    [InlineData("collections.dragons.basePrice", "\"0.0000000000000000001\"", "collections.dragons.basePrice: '0.0000000000000000001' has more than 18 decimals for ETH")]
    [InlineData("collections.dragons.basePrice", "true", "collections.dragons.basePrice: must be an amount such as \"0.05\"")]
    [InlineData("collections.dragons.priceTick", "\"0.03\"", "collections.dragons.floor: must be a multiple of priceTick")]
    [InlineData("collections.dragons.currency", "\"BTC\"", "collections.dragons.currency: 'BTC' is not declared under currencies")]
    [InlineData("collections.dragons.maxChange.fraction", "1.5", "collections.dragons.maxChange.fraction: must be more than 0 and less than 1")]
    [InlineData("collections.dragons.maxChange.window", "\"15 minutes\"", "collections.dragons.maxChange.window: '15 minutes' is not a duration (write hh:mm:ss or d.hh:mm:ss)")]
    [InlineData("collections.dragons.demand.weights.long", "0.6", "collections.dragons.demand.weights: must add up to 1")]
    [InlineData("collections.dragons.demand.baselinePerHour", "0", "collections.dragons.demand.baselinePerHour: must be more than 0 (and at most 10^9)")]
    [InlineData("collections.dragons.market.weight", "\"half\"", "collections.dragons.market.weight: must be a number")]
    [InlineData("collections.dragons.market.lastSales", "2.5", "collections.dragons.market.lastSales: must be a whole number")]
    [InlineData("collections.dragons.loyalty.discounts.gold", "1.5", "collections.dragons.loyalty.discounts.gold: must be 0..1")]
    [InlineData("collections.dragons.loyalty.budgets.gold", "\"-1\"", "collections.dragons.loyalty.budgets.gold: '-1' must be a non-negative decimal number")]
    [InlineData("collections.dragons.intent.adjustments.hesitate", "-0.0000001", "collections.dragons.intent.adjustments.hesitate: must be a fraction with at most 6 decimals")]
    [InlineData("collections.dragons.adjustmentBounds.maxDiscount", "2", "collections.dragons.adjustmentBounds.maxDiscount: must be 0..1")]
    [InlineData("recommendation.maxItems", "0", "recommendation.maxItems: must be 1..100")]
    [InlineData("quoteTtl", "\"00:00:00\"", "quoteTtl: must be more than 0 and at most 1.00:00:00")]
    [InlineData("version", "\"\"", "version: must not be empty")]
    public void A_wrong_field_is_named_in_the_error(string path, string valueJson, string expected)
    {
        var json = WithValue(path, JsonNode.Parse(valueJson));

        var ex = Assert.Throws<PolicyValidationException>(() => PolicyLoader.Load(json));

        Assert.Contains(expected, ex.Errors.Select(e => e.ToString()));
        Assert.Contains(expected, ex.Message);
    }

    [Theory]
    [InlineData("collections.dragons.floor", "collections.dragons.floor: is required")]
    [InlineData("collections.dragons.scarcity.rarityPremium.epic", "collections.dragons.scarcity.rarityPremium.epic: is required")]
    [InlineData("collections.dragons.loyalty.budgets.platinum", "collections.dragons.loyalty.budgets.platinum: is required")]
    [InlineData("intentTtl", "intentTtl: is required")]
    public void A_missing_field_is_named_in_the_error(string path, string expected)
    {
        var json = WithValue(path, null, remove: true);

        var ex = Assert.Throws<PolicyValidationException>(() => PolicyLoader.Load(json));

        Assert.Contains(expected, ex.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void An_unknown_field_is_an_error_so_typos_are_not_silently_ignored()
    {
        var json = WithValue("collections.dragons.demand.maxSurg", JsonValue.Create(0.5));

        var ex = Assert.Throws<PolicyValidationException>(() => PolicyLoader.Load(json));

        Assert.Equal(["collections.dragons.demand.maxSurg: is not a known field"], ex.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        var json = WithValue("collections.skins.floor", JsonValue.Create("300"));
        json = WithValue("collections.dragons.market.weight", JsonValue.Create(7), json);

        var ex = Assert.Throws<PolicyValidationException>(() => PolicyLoader.Load(json));

        Assert.Contains(ex.Errors, e => e.Path == "collections.skins.floor");
        Assert.Contains(ex.Errors, e => e.Path == "collections.dragons.market.weight");
    }

    [Fact]
    public void Malformed_json_is_rejected_with_a_clear_error()
    {
        var ex = Assert.Throws<PolicyValidationException>(() => PolicyLoader.Load("{ \"version\": "));

        Assert.StartsWith("$: is not valid JSON", ex.Errors.Single().ToString());
    }

    [Fact]
    public void A_policy_built_in_code_is_validated_by_the_same_rules()
    {
        var broken = Policies.Default.WithCollection(Policies.Dragons with { Floor = Policies.Dragons.Ceiling + 1 });

        var errors = PolicyValidator.Validate(broken);

        Assert.Contains(errors, e => e.Path == "collections.dragons.floor");
        Assert.Throws<PolicyValidationException>(() => PolicyValidator.EnsureValid(broken));
    }

    private static string WithValue(string path, JsonNode? value, string? json = null, bool remove = false)
    {
        var root = JsonNode.Parse(json ?? DefaultJson)!;
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            node = node[part]!;
        }

        if (remove)
        {
            node.AsObject().Remove(parts[^1]);
        }
        else
        {
            node[parts[^1]] = value;
        }

        return root.ToJsonString();
    }
}
