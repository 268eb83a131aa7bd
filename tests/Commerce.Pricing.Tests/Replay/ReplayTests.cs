using Commerce.Pricing.Inputs;
using Commerce.Pricing.Offers;
using Commerce.Pricing.Replay;
using Commerce.Pricing.Tests.Support;

namespace Commerce.Pricing.Tests.Replay;

public class ReplayTests
{
    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void Replaying_the_same_events_reproduces_the_same_offers(int seed)
    {
        var stream = Scenario.Stream(seed);

        var first = ReplayRunner.Run(stream, Policies.Default);
        var second = ReplayRunner.Run(Scenario.Stream(seed), Policies.Default);

        Assert.Equal(121, first.Offers.Count);
        Assert.Contains(first.Offers, o => o.Items.Count == 3);
        Assert.Equal(Text(first), Text(second));
        Assert.Equal(stream.Count, first.EventsApplied);
    }

    [Theory]
    [InlineData(31, 1)]
    [InlineData(31, 2)]
    [InlineData(32, 3)]
    public void Out_of_order_events_within_the_allowed_lateness_give_the_same_offers(int seed, int shuffleSeed)
    {
        var ordered = ReplayRunner.Run(Scenario.Stream(seed), Policies.Default);
        var shuffledStream = Scenario.Shuffled(seed, shuffleSeed);
        Assert.NotEqual(Scenario.Stream(seed), shuffledStream);

        var shuffled = ReplayRunner.Run(shuffledStream, Policies.Default);

        Assert.Equal(0, shuffled.LateEventsDropped);
        Assert.Equal(Text(ordered), Text(shuffled));
    }

    [Fact]
    public void Events_later_than_the_allowed_lateness_are_dropped_and_counted()
    {
        var stream = Scenario.Stream(41, segments: 30);
        var end = stream[^1].At;
        var withLate = stream.Take(stream.Count - 1)
            .Concat(Enumerable.Range(0, 50).Select(i => (PricingInput)new InterestShown("player-1", "dragons-01", "dragons", TimeSpan.FromMinutes(1), end - TimeSpan.FromMinutes(2))))
            .Append(stream[^1])
            .ToList();

        var clean = ReplayRunner.Run(stream, Policies.Default);
        var late = ReplayRunner.Run(withLate, Policies.Default);

        Assert.Equal(50, late.LateEventsDropped);
        Assert.Equal(Text(clean), Text(late));
    }

    [Fact]
    public void The_recorded_stream_decides_the_offers_not_the_wall_clock()
    {
        var stream = Scenario.Stream(51, segments: 10);

        var result = ReplayRunner.Run(stream, Policies.Default);

        Assert.Equal(stream.OfType<OfferRequested>().Select(r => r.At), result.Offers.Select(o => o.At));
        Assert.Equal(stream.OfType<OfferRequested>().Select(r => r.PlayerId), result.Offers.Select(o => o.PlayerId));
    }

    private static string Text(ReplayResult result) => string.Concat(result.Offers.Select(OfferText.Format));
}
