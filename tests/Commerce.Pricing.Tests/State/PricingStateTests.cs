using Commerce.Pricing.Amounts;
using Commerce.Pricing.Engine;
using Commerce.Pricing.Inputs;
using Commerce.Pricing.State;
using Commerce.Pricing.Tests.Support;

namespace Commerce.Pricing.Tests.State;

public class PricingStateTests
{
    private static readonly DateTimeOffset T = Scenario.Start;

    [Fact]
    public void An_older_loyalty_update_arriving_late_does_not_override_a_newer_one()
    {
        var state = WithDragon();
        state.Apply(new LoyaltyUpdated("p1", LoyaltyTier.Gold, 2000m, T + TimeSpan.FromMinutes(2)));
        state.Apply(new LoyaltyUpdated("p1", LoyaltyTier.Bronze, 10m, T + TimeSpan.FromMinutes(1)));

        var context = Context(state, T + TimeSpan.FromMinutes(3));

        Assert.Equal(LoyaltyTier.Gold, context.Tier);
        Assert.Equal(2000, context.LifetimeValue);
    }

    [Fact]
    public void A_chat_intent_applies_to_its_item_until_its_ttl_runs_out()
    {
        var state = WithDragon();
        state.Apply(new ChatIntentDetected("p1", "dragon-1", ChatIntent.Negotiate, -0.4m, T));

        Assert.Equal((ChatIntent.Negotiate, -400), Intent(Context(state, T + TimeSpan.FromMinutes(9))));
        Assert.Equal((ChatIntent.None, 0), Intent(Context(state, T + TimeSpan.FromMinutes(10))));
        Assert.Equal((ChatIntent.None, 0), Intent(Context(state, T + TimeSpan.FromMinutes(1), "dragon-2")));
    }

    [Fact]
    public void A_chat_intent_without_an_item_applies_to_every_item()
    {
        var state = WithDragon();
        state.Apply(new ChatIntentDetected("p1", null, ChatIntent.Hesitate, 0m, T));

        Assert.Equal(ChatIntent.Hesitate, Context(state, T + TimeSpan.FromMinutes(1), "dragon-2").Intent);
    }

    [Fact]
    public void A_campaign_applies_between_from_and_until_and_stops_when_ended()
    {
        var state = WithDragon();
        state.Apply(new CampaignStarted("c1", "dragons", 0.2m, T + TimeSpan.FromMinutes(5), T + TimeSpan.FromMinutes(30), T));
        state.Apply(new CampaignStarted("c2", "dragons", 0.1m, T, T + TimeSpan.FromHours(2), T));

        Assert.Equal(100_000, Context(state, T + TimeSpan.FromMinutes(1)).CampaignDiscountPpm);
        Assert.Equal(200_000, Context(state, T + TimeSpan.FromMinutes(5)).CampaignDiscountPpm);
        Assert.Equal(T + TimeSpan.FromMinutes(30), Context(state, T + TimeSpan.FromMinutes(5)).CampaignEndsAt);

        state.Apply(new CampaignEnded("c1", "dragons", T + TimeSpan.FromMinutes(20)));

        Assert.Equal(100_000, Context(state, T + TimeSpan.FromMinutes(20)).CampaignDiscountPpm);
        Assert.Equal(200_000, Context(state, T + TimeSpan.FromMinutes(19)).CampaignDiscountPpm);
    }

    [Fact]
    public void A_campaign_end_that_arrives_before_its_start_still_ends_it()
    {
        var state = WithDragon();
        state.Apply(new CampaignEnded("c1", "dragons", T + TimeSpan.FromMinutes(10)));
        state.Apply(new CampaignStarted("c1", "dragons", 0.2m, T, T + TimeSpan.FromHours(1), T));

        Assert.Equal(200_000, Context(state, T + TimeSpan.FromMinutes(9)).CampaignDiscountPpm);
        Assert.Equal(0, Context(state, T + TimeSpan.FromMinutes(10)).CampaignDiscountPpm);
    }

    [Fact]
    public void Market_reads_the_latest_floor_and_the_mean_of_the_last_sales_in_the_policy_currency()
    {
        var state = WithDragon();
        state.Apply(new FloorPriceChanged("dragons", Money.Parse("0.04", Currency.Eth), T + TimeSpan.FromMinutes(2)));
        state.Apply(new FloorPriceChanged("dragons", Money.Parse("0.03", Currency.Eth), T + TimeSpan.FromMinutes(1)));
        for (var i = 1; i <= 7; i++)
        {
            state.Apply(new SaleRecorded("dragons", "dragon-x", Money.Parse($"0.0{i}", Currency.Eth), T + TimeSpan.FromSeconds(i)));
        }

        state.Apply(new SaleRecorded("dragons", "dragon-x", Money.Parse("999", Currency.Usdc), T + TimeSpan.FromSeconds(8)));
        state.Apply(new SaleRecorded("dragons", "dragon-x", Money.Parse("0.09", Currency.Eth), T + TimeSpan.FromSeconds(30)));

        var context = Context(state, T + TimeSpan.FromSeconds(10));

        Assert.Equal(Wei.Eth("0.04"), context.MarketFloor);
        Assert.Equal(Wei.Eth("0.05"), context.RecentSalesMean); // 0.03..0.07; the later 0.09 is after the instant
    }

    [Fact]
    public void Engagement_sums_dwell_within_the_horizon_and_measures_recency()
    {
        var state = WithDragon();
        state.Apply(new InterestShown("p1", "dragon-1", "dragons", TimeSpan.FromSeconds(40), T));
        state.Apply(new InterestShown("p1", "dragon-1", "dragons", TimeSpan.FromSeconds(50), T + TimeSpan.FromMinutes(20)));
        state.Apply(new InterestShown("p1", "dragon-2", "dragons", TimeSpan.FromSeconds(70), T + TimeSpan.FromMinutes(21)));

        var context = Context(state, T + TimeSpan.FromMinutes(35));

        Assert.Equal(TimeSpan.FromSeconds(50), context.Dwell);
        Assert.Equal(TimeSpan.FromMinutes(15), context.LastInterestAge);
        Assert.Null(Context(state, T + TimeSpan.FromMinutes(35), player: "p2").LastInterestAge);
    }

    [Fact]
    public void An_interest_later_than_the_allowed_lateness_counts_for_nothing()
    {
        var state = WithDragon();
        state.Apply(new OfferRequested("p2", T + TimeSpan.FromMinutes(5)));
        state.Apply(new InterestShown("p1", "dragon-1", "dragons", TimeSpan.FromSeconds(40), T + TimeSpan.FromMinutes(4)));

        var context = Context(state, T + TimeSpan.FromMinutes(5));

        Assert.Equal(1, state.Demand.LateEventsDropped);
        Assert.Equal(0, context.Demand.Long.Interests);
        Assert.Null(context.LastInterestAge);
    }

    [Fact]
    public void Demand_for_the_item_comes_from_its_windows()
    {
        var state = WithDragon();
        state.Apply(new InterestShown("p1", "dragon-1", "dragons", TimeSpan.FromSeconds(5), T + TimeSpan.FromSeconds(10)));
        state.Apply(new BidPlaced("dragon-1", "dragons", Money.Parse("0.05", Currency.Eth), T + TimeSpan.FromSeconds(20)));
        state.Apply(new BidPlaced("dragon-2", "dragons", Money.Parse("0.05", Currency.Eth), T + TimeSpan.FromSeconds(20)));

        var demand = Context(state, T + TimeSpan.FromSeconds(30)).Demand;

        Assert.Equal(new DemandCount(TimeSpan.FromMinutes(1), 1, 1), demand.Short);
    }

    private static (ChatIntent, int) Intent(PricingContext context) => (context.Intent, context.SentimentMilli);

    private static PricingState WithDragon()
    {
        var state = new PricingState();
        state.Apply(new ItemSupplyChanged("dragon-1", "dragons", 5, 10, Rarity.Epic, T));
        state.Apply(new ItemSupplyChanged("dragon-2", "dragons", 5, 10, Rarity.Rare, T));
        return state;
    }

    private static PricingContext Context(PricingState state, DateTimeOffset at, string itemId = "dragon-1", string player = "p1")
    {
        Assert.True(state.TryGetItem(itemId, out var item));
        return state.Context(player, item, at, Policies.Default, Policies.Dragons);
    }
}
