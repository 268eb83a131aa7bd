using Commerce.Pricing.Engine;
using Commerce.Pricing.Engine.Factors;
using Commerce.Pricing.Inputs;
using Commerce.Pricing.Tests.Support;

namespace Commerce.Pricing.Tests.Engine;

/// <summary>Each factor alone on the default "dragons" policy (base 0.05 ETH, tick 0.0001).</summary>
public class FactorTests
{
    [Fact]
    public void With_no_signal_the_price_is_the_base_price()
    {
        var decision = Decide(Contexts.Neutral());

        Assert.Equal(Wei.Eth("0.05"), decision.Price);
        Assert.Equal(Wei.Eth("0.05"), decision.ListPrice);
        Assert.Equal(GuardrailFlags.None, decision.Guardrails);
        Assert.Equal([Factor.Base], decision.Explain().Select(f => f.Factor));
    }

    [Theory]
    [InlineData("0.07", "0", "0.06")]
    [InlineData("0", "0.07", "0.06")]
    [InlineData("0.06", "0.08", "0.06")]
    [InlineData("0.03", "0", "0.04")]
    public void Market_pulls_the_price_halfway_toward_floor_and_recent_sales(string floor, string salesMean, string expected)
    {
        var decision = Decide(Contexts.Neutral() with { MarketFloor = Wei.Eth(floor), RecentSalesMean = Wei.Eth(salesMean) });

        Assert.Equal(Wei.Eth(expected), decision.Price);
        Assert.Equal(Wei.Eth(expected) - Wei.Eth("0.05"), decision.Contribution(Factor.Market));
        Assert.Equal(500_000, decision.RatePpm(Factor.Market));
    }

    [Fact]
    public void Demand_above_baseline_adds_a_surge()
    {
        // 1/min = 60/h (5x baseline), 6/15min = 24/h (2x), 24/h (2x): 0.2*5 + 0.3*2 + 0.5*2 = 2.6; (2.6 - 1) * 0.05 = 8%.
        var decision = Decide(Contexts.Neutral() with { Demand = Contexts.Demand(1, 6, 24) });

        Assert.Equal(80_000, decision.RatePpm(Factor.Demand));
        Assert.Equal(Wei.Eth("0.004"), decision.Contribution(Factor.Demand));
        Assert.Equal(Wei.Eth("0.054"), decision.Price);
    }

    [Fact]
    public void Bids_weigh_more_than_interests()
    {
        // 8 bids an hour = 24 units = 2x baseline in the long window only: 0.5 * 2 = 1.0, no surge; add short-window bids.
        var interestsOnly = DemandFactor.IntensityMilli(Contexts.Demand(0, 0, 8), Policies.Dragons.Demand);
        var bidsOnly = DemandFactor.IntensityMilli(Contexts.Demand(0, 0, 0, longBids: 8), Policies.Dragons.Demand);

        Assert.Equal(333, interestsOnly);
        Assert.Equal(1000, bidsOnly);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(0, 0, 12)]
    [InlineData(0, 3, 12)]
    public void Demand_at_or_below_baseline_adds_nothing(int shortCount, int mediumCount, int longCount) =>
        Assert.Equal(0, Decide(Contexts.Neutral() with { Demand = Contexts.Demand(shortCount, mediumCount, longCount) }).Contribution(Factor.Demand));

    [Fact]
    public void Demand_surge_is_capped_at_max_surge() =>
        Assert.Equal(300_000, Decide(Contexts.Neutral() with { Demand = Contexts.Demand(10_000, 10_000, 10_000, 500, 500, 500) }).RatePpm(Factor.Demand));

    [Theory]
    [InlineData(Rarity.Common, 0, 0, 0)]
    [InlineData(Rarity.Rare, 0, 0, 150_000)]
    [InlineData(Rarity.Legendary, 0, 0, 800_000)]
    [InlineData(Rarity.Common, 50, 100, 100_000)]
    [InlineData(Rarity.Legendary, 25, 100, 950_000)]
    [InlineData(Rarity.Epic, 0, 10, 550_000)]
    public void Scarcity_adds_a_rarity_premium_and_grows_as_supply_sells_through(Rarity rarity, int remaining, int total, int expectedPpm)
    {
        var decision = Decide(Contexts.Neutral() with { Rarity = rarity, Remaining = remaining, Total = total });

        Assert.Equal(expectedPpm, decision.RatePpm(Factor.Scarcity));
        Assert.Equal(Wei.Eth("0.05") * expectedPpm / 1_000_000, decision.Contribution(Factor.Scarcity));
    }

    [Theory]
    [InlineData(LoyaltyTier.None, 0, "0.05")]
    [InlineData(LoyaltyTier.Bronze, 0, "0.049")]
    [InlineData(LoyaltyTier.Gold, 0, "0.0465")]
    [InlineData(LoyaltyTier.Gold, 2_500, "0.046")]
    [InlineData(LoyaltyTier.Gold, 1_000_000, "0.045")]
    [InlineData(LoyaltyTier.Platinum, 999, "0.045")]
    public void Loyalty_discounts_by_tier_and_lifetime_value(LoyaltyTier tier, long lifetimeValue, string expected) =>
        Assert.Equal(Wei.Eth(expected), Decide(Contexts.Neutral() with { Tier = tier, LifetimeValue = lifetimeValue }).Price);

    [Theory]
    [InlineData(180, 0, 1000)]
    [InlineData(90, 900, 500)]
    [InlineData(0, 1800, 0)]
    [InlineData(600, 3600, 600)]
    public void Engagement_score_combines_dwell_and_recency(int dwellSeconds, int ageSeconds, int expected) =>
        Assert.Equal(expected, EngagementFactor.ScoreMilli(TimeSpan.FromSeconds(dwellSeconds), TimeSpan.FromSeconds(ageSeconds), Policies.Dragons.Engagement));

    [Fact]
    public void Engagement_adds_a_premium_and_a_player_who_never_looked_gets_none()
    {
        var engaged = Decide(Contexts.Neutral() with { Dwell = TimeSpan.FromMinutes(3), LastInterestAge = TimeSpan.Zero });
        var never = Decide(Contexts.Neutral() with { Dwell = TimeSpan.FromMinutes(3), LastInterestAge = null });

        Assert.Equal(Wei.Eth("0.0515"), engaged.Price);
        Assert.Equal(30_000, engaged.RatePpm(Factor.Engagement));
        Assert.Equal(Wei.Eth("0.05"), never.Price);
    }

    [Theory]
    [InlineData(ChatIntent.AskPrice, "0.05")]
    [InlineData(ChatIntent.Compare, "0.0485")]
    [InlineData(ChatIntent.Hesitate, "0.0475")]
    [InlineData(ChatIntent.Negotiate, "0.0465")]
    public void Chat_intent_adjusts_the_price(ChatIntent intent, string expected) =>
        Assert.Equal(Wei.Eth(expected), Decide(Contexts.Neutral() with { Intent = intent }).Price);

    [Theory]
    [InlineData(-1000, "0.049")]
    [InlineData(500, "0.0505")]
    [InlineData(-5000, "0.049")]
    public void Sentiment_moves_the_price_by_its_weight(int sentimentMilli, string expected) =>
        Assert.Equal(Wei.Eth(expected), Decide(Contexts.Neutral() with { SentimentMilli = sentimentMilli }).Price);

    [Fact]
    public void A_campaign_discounts_the_list_price()
    {
        var decision = Decide(Contexts.Neutral() with { CampaignDiscountPpm = 200_000 });

        Assert.Equal(Wei.Eth("0.04"), decision.Price);
        Assert.Equal(-Wei.Eth("0.01"), decision.Contribution(Factor.Campaign));
        Assert.Equal(Wei.Eth("0.05"), decision.ListPrice);
    }

    [Fact]
    public void Explanation_lists_each_contribution_in_engine_order()
    {
        var decision = Decide(Contexts.Neutral() with { Rarity = Rarity.Rare, Tier = LoyaltyTier.Gold, Intent = ChatIntent.Hesitate });

        var text = decision.Explain().Select(f => f.ToString());

        Assert.Equal(
            ["Base: +0.05 ETH (0)", "Scarcity: +0.0075 ETH (0.15)", "Loyalty: -0.004025 ETH (-0.07)", "Intent: -0.002875 ETH (-0.05)"],
            text);
        Assert.Equal(Wei.Eth("0.0506"), decision.Price);
        Assert.Equal(decision.Price, decision.Explain().Aggregate(Int128.Zero, (sum, f) => sum + f.Amount.BaseUnits));
    }

    private static PriceDecision Decide(PricingContext context) => PricingEngine.Decide(context, Policies.Default);
}
