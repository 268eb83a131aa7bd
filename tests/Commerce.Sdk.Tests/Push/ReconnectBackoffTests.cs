using Commerce.Sdk;

namespace Commerce.Sdk.Tests.Push;

public sealed class ReconnectBackoffTests
{
    private static readonly TimeSpan Min = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(1, 500)]
    [InlineData(2, 1000)]
    [InlineData(3, 2000)]
    [InlineData(4, 4000)]
    [InlineData(5, 8000)]
    [InlineData(6, 16000)]
    [InlineData(7, 30000)]
    [InlineData(8, 30000)]
    [InlineData(1000, 30000)]
    public void Without_jitter_the_delay_doubles_up_to_the_cap(int attempt, int expectedMs)
    {
        var backoff = new ReconnectBackoff(Min, Max, 0.2, () => 0.5);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), backoff.DelayFor(attempt));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.999999)]
    public void Jitter_spreads_the_delay_but_it_still_grows_and_stays_within_min_and_max(double extreme)
    {
        var spread = new ReconnectBackoff(Min, Max, 0.2, () => extreme);
        var low = new ReconnectBackoff(Min, Max, 0.2, () => 0.0);
        var high = new ReconnectBackoff(Min, Max, 0.2, () => 0.999999);

        for (var attempt = 1; attempt <= 40; attempt++)
        {
            var delay = spread.DelayFor(attempt);
            Assert.InRange(delay, Min, Max);
            if (attempt > 1 && high.DelayFor(attempt - 1) < Max * 0.8)
            {
                Assert.True(low.DelayFor(attempt) > high.DelayFor(attempt - 1),
                    $"attempt {attempt}: the shortest jittered delay should exceed the longest of attempt {attempt - 1}");
            }
        }

        var first = Min * (extreme < 0.5 ? 1 : 1.2); // the low end is clamped up to min
        Assert.InRange(spread.DelayFor(1), first - TimeSpan.FromMilliseconds(1), first);
    }

    [Fact]
    public void The_default_random_source_stays_within_bounds()
    {
        var backoff = new ReconnectBackoff(Min, Max, 0.2);

        Assert.All(Enumerable.Range(1, 200), attempt => Assert.InRange(backoff.DelayFor(attempt % 12 + 1), Min, Max));
    }

    [Fact]
    public void Bad_arguments_are_refused_by_name()
    {
        Assert.Equal("min", Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectBackoff(TimeSpan.Zero, Max, 0.2)).ParamName);
        Assert.Equal("max", Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectBackoff(Max, Min, 0.2)).ParamName);
        Assert.Equal("jitter", Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectBackoff(Min, Max, 1.5)).ParamName);
        Assert.Equal("attempt", Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectBackoff(Min, Max, 0).DelayFor(0)).ParamName);
    }
}
