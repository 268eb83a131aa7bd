using Commerce.Actors.NftItem;

namespace Commerce.Actors.Tests;

public sealed class NftItemGrainTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Interest_is_counted_per_minute_in_order_including_late_events()
    {
        IReadOnlyList<InterestBucket> buckets = [];
        foreach (var minute in new[] { 0, 0, 2, 1, 2, 5, 3 })
            buckets = NftItemGrain.CountIn(buckets, T0.AddMinutes(minute));

        Assert.Equal([(0, 2), (1, 1), (2, 2), (3, 1), (5, 1)], buckets.Select(b => ((int)(b.Minute - T0).TotalMinutes, b.Count)));
    }

    [Fact]
    public void Only_the_last_hour_is_kept_and_older_late_events_are_not_counted()
    {
        IReadOnlyList<InterestBucket> buckets = [];
        for (var minute = 0; minute < 90; minute += 10)
            buckets = NftItemGrain.CountIn(buckets, T0.AddMinutes(minute));
        buckets = NftItemGrain.CountIn(buckets, T0.AddMinutes(5)); // 75 minutes before the newest

        Assert.Equal([30, 40, 50, 60, 70, 80], buckets.Select(b => (int)(b.Minute - T0).TotalMinutes));
        Assert.All(buckets, b => Assert.Equal(1, b.Count));
    }
}
