using Commerce.Pricing.Engine;
using Commerce.Pricing.Inputs;
using Commerce.Pricing.Tests.Support;

namespace Commerce.Pricing.Tests.Engine;

public class GuardrailTests
{
    [Fact]
    public void Personal_adjustments_are_capped_at_the_max_discount()
    {
        var decision = PricingEngine.Decide(Contexts.Neutral() with { CampaignDiscountPpm = 1_000_000, Tier = LoyaltyTier.Platinum }, Policies.Default);

        Assert.Equal(Wei.Eth("0.0375"), decision.Price);
        Assert.True(decision.Guardrails.HasFlag(GuardrailFlags.AdjustmentsCapped));
    }

    [Fact]
    public void The_price_never_goes_below_the_floor()
    {
        var policy = Policies.Default.WithCollection(Policies.Dragons with { Floor = Wei.Eth("0.045") });

        var decision = PricingEngine.Decide(Contexts.Neutral() with { CampaignDiscountPpm = 200_000 }, policy);

        Assert.Equal(Wei.Eth("0.045"), decision.Price);
        Assert.Equal(Wei.Eth("0.005"), decision.Contribution(Factor.FinalClamp));
        Assert.True(decision.Guardrails.HasFlag(GuardrailFlags.RaisedToFloor));
    }

    [Fact]
    public void The_list_price_never_goes_above_the_ceiling()
    {
        var policy = Policies.Default.WithCollection(Policies.Dragons with { Ceiling = Wei.Eth("0.08") });

        var decision = PricingEngine.Decide(Contexts.Neutral() with { Rarity = Rarity.Legendary, Demand = Contexts.Demand(100, 100, 100) }, policy);

        Assert.Equal(Wei.Eth("0.08"), decision.ListPrice);
        Assert.Equal(Wei.Eth("0.08"), decision.Price);
        Assert.True(decision.Guardrails.HasFlag(GuardrailFlags.ListLoweredToCeiling));
    }

    [Fact]
    public void The_list_price_rises_at_most_max_change_above_the_lowest_recent_list_price()
    {
        var context = Contexts.Neutral() with { Rarity = Rarity.Legendary, RecentListLow = Wei.Eth("0.05"), RecentListHigh = Wei.Eth("0.052") };

        var decision = PricingEngine.Decide(context, Policies.Default);

        Assert.Equal(Wei.Eth("0.055"), decision.ListPrice);
        Assert.Equal(Wei.Eth("0.055") - Wei.Eth("0.09"), decision.Contribution(Factor.RateLimit));
        Assert.True(decision.Guardrails.HasFlag(GuardrailFlags.RateLimited));
    }

    [Fact]
    public void The_list_price_falls_at_most_max_change_below_the_highest_recent_list_price()
    {
        var context = Contexts.Neutral() with { RecentListLow = Wei.Eth("0.09"), RecentListHigh = Wei.Eth("0.1") };

        var decision = PricingEngine.Decide(context, Policies.Default);

        Assert.Equal(Wei.Eth("0.09"), decision.ListPrice);
    }

    [Fact]
    public void When_history_from_another_policy_conflicts_with_the_ceiling_the_ceiling_wins()
    {
        var context = Contexts.Neutral() with { RecentListLow = Wei.Eth("0.9"), RecentListHigh = Wei.Eth("0.9") };

        var decision = PricingEngine.Decide(context, Policies.Default);

        Assert.Equal(Wei.Eth("0.5"), decision.Price);
        Assert.True(decision.Guardrails.HasFlag(GuardrailFlags.RateLimitYieldedToBounds));
    }

    [Fact]
    public void Quotes_are_rounded_down_to_the_price_tick()
    {
        // 0.05 * (1 + 0.015) = 0.05075 -> 0.0507
        var decision = PricingEngine.Decide(Contexts.Neutral() with { Dwell = TimeSpan.FromSeconds(90), LastInterestAge = TimeSpan.FromMinutes(15) }, Policies.Default);

        Assert.Equal(Wei.Eth("0.0507"), decision.Price);
        Assert.Equal(-Wei.Eth("0.00005"), decision.Contribution(Factor.Rounding));
    }

    [Fact]
    public void A_context_for_a_collection_without_policy_is_rejected_by_name()
    {
        var ex = Assert.Throws<ArgumentException>(() => PricingEngine.Decide(Contexts.Neutral() with { Collection = "cats" }, Policies.Default));

        Assert.Contains("PricingContext.Collection 'cats'", ex.Message);
    }
}
