using Commerce.Pricing.Amounts;
using Commerce.Pricing.Engine;
using Commerce.Pricing.Tests.Support;
using Commerce.Pricing.Windows;

namespace Commerce.Pricing.Tests.Windows;

public class PriceHistoryTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    [Fact]
    public void Range_is_the_lowest_and_highest_list_price_within_the_window()
    {
        var history = new PriceHistory();
        history.Record("dragon-1", T, 100);
        history.Record("dragon-1", T + TimeSpan.FromMinutes(5), 120);
        history.Record("dragon-1", T + TimeSpan.FromMinutes(10), 90);
        history.Record("dragon-1", T + TimeSpan.FromMinutes(12), 110);

        Assert.Equal((90, 120), history.Range("dragon-1", T + TimeSpan.FromMinutes(14), Window));
        Assert.Equal((90, 120), history.Range("dragon-1", T + TimeSpan.FromMinutes(15), Window));
        Assert.Equal((90, 110), history.Range("dragon-1", T + TimeSpan.FromMinutes(20), Window));
        Assert.Equal((110, 110), history.Range("dragon-1", T + TimeSpan.FromMinutes(26), Window));
        Assert.Equal((0, 0), history.Range("dragon-1", T + TimeSpan.FromMinutes(27), Window));
        Assert.Equal((0, 0), history.Range("dragon-2", T, Window));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void List_prices_never_move_faster_than_allowed_over_a_random_run(int seed)
    {
        var random = new RandomInputs(seed);
        for (var run = 0; run < 40; run++)
        {
            var policy = random.Collection();
            var history = new PriceHistory();
            var quoted = new List<(DateTimeOffset At, Int128 List)>();
            var at = T;
            for (var i = 0; i < 150; i++)
            {
                at += TimeSpan.FromTicks(policy.MaxChange.Window.Ticks * random.Next(0, 40) / 100);
                var (low, high) = history.Range("item", at, policy.MaxChange.Window);
                var decision = PricingEngine.Decide(random.MarketMove(policy) with { RecentListLow = low, RecentListHigh = high }, policy);
                history.Record("item", at, decision.ListPrice);
                Assert.Equal(GuardrailFlags.None, decision.Guardrails & GuardrailFlags.RateLimitYieldedToBounds);
                quoted.Add((at, decision.ListPrice));
            }

            for (var later = 0; later < quoted.Count; later++)
            {
                for (var earlier = later - 1; earlier >= 0 && quoted[later].At - quoted[earlier].At < policy.MaxChange.Window; earlier--)
                {
                    var before = quoted[earlier].List;
                    var after = quoted[later].List;
                    var maxUp = before * (Ppm.One + policy.MaxChange.MaxChangePpm) / Ppm.One;
                    var maxDown = (before * (Ppm.One - policy.MaxChange.MaxChangePpm) + Ppm.One - 1) / Ppm.One;
                    Assert.True(after <= maxUp && after >= maxDown, $"seed {seed} run {run}: {before} -> {after} within {policy.MaxChange.Window} exceeds {policy.MaxChange.MaxChangePpm} ppm");
                }
            }
        }
    }
}
