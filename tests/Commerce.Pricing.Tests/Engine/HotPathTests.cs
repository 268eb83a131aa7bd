using Commerce.Pricing.Engine;
using Commerce.Pricing.Inputs;
using Commerce.Pricing.Tests.Support;

namespace Commerce.Pricing.Tests.Engine;

public class HotPathTests
{
    [Fact]
    public void Deciding_a_price_allocates_nothing()
    {
        var context = Contexts.Neutral() with
        {
            Rarity = Rarity.Epic,
            Remaining = 3,
            Total = 10,
            MarketFloor = Wei.Eth("0.06"),
            Demand = Contexts.Demand(2, 10, 40, 1, 2, 3),
            Tier = LoyaltyTier.Gold,
            LifetimeValue = 4_200,
            Dwell = TimeSpan.FromSeconds(70),
            LastInterestAge = TimeSpan.FromMinutes(2),
            Intent = ChatIntent.Negotiate,
            SentimentMilli = -300,
            CampaignDiscountPpm = 50_000,
            RecentListLow = Wei.Eth("0.07"),
            RecentListHigh = Wei.Eth("0.075"),
        };
        var policy = Policies.Default;
        Int128 checksum = 0;
        for (var i = 0; i < 1_000; i++)
        {
            checksum += PricingEngine.Decide(context, policy).Price;
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            checksum += PricingEngine.Decide(context, policy).Price;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated == 0, $"expected 0 bytes allocated by 10,000 decisions, saw {allocated}");
        Assert.True(checksum > 0);
    }

    [Fact]
    public void The_inline_buffers_hold_one_slot_per_factor() =>
        Assert.Equal(FactorCount.Value, Enum.GetValues<Factor>().Length);
}
