using Commerce.Pricing.Engine;
using Commerce.Pricing.Windows;

namespace Commerce.Pricing.Tests.Windows;

public class DemandWindowsTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_window_counts_events_in_its_half_open_range()
    {
        var windows = new DemandWindows();
        windows.RecordInterest("dragon-1", T - TimeSpan.FromMinutes(61));
        windows.RecordInterest("dragon-1", T - TimeSpan.FromMinutes(59));
        windows.RecordInterest("dragon-1", T - TimeSpan.FromMinutes(15));
        windows.RecordInterest("dragon-1", T - TimeSpan.FromMinutes(14));
        windows.RecordInterest("dragon-1", T - TimeSpan.FromSeconds(60));
        windows.RecordInterest("dragon-1", T - TimeSpan.FromSeconds(59));
        windows.RecordBid("dragon-1", T);

        var snapshot = windows.Snapshot("dragon-1", T);

        Assert.Equal(new DemandCount(TimeSpan.FromMinutes(1), 1, 1), snapshot.Short);
        Assert.Equal(new DemandCount(TimeSpan.FromMinutes(15), 3, 1), snapshot.Medium);
        Assert.Equal(new DemandCount(TimeSpan.FromHours(1), 5, 1), snapshot.Long);
    }

    [Fact]
    public void Events_after_the_query_time_are_not_counted()
    {
        var windows = new DemandWindows();
        windows.RecordInterest("dragon-1", T);
        windows.RecordInterest("dragon-1", T + TimeSpan.FromSeconds(1));

        Assert.Equal(1, windows.Snapshot("dragon-1", T).Short.Interests);
        Assert.Equal(2, windows.Snapshot("dragon-1", T + TimeSpan.FromSeconds(1)).Short.Interests);
    }

    [Fact]
    public void Keys_are_counted_apart()
    {
        var windows = new DemandWindows();
        windows.RecordInterest("dragon-1", T);
        windows.RecordBid("dragon-2", T);

        Assert.Equal((1, 0), (windows.Snapshot("dragon-1", T).Long.Interests, windows.Snapshot("dragon-1", T).Long.Bids));
        Assert.Equal((0, 1), (windows.Snapshot("dragon-2", T).Long.Interests, windows.Snapshot("dragon-2", T).Long.Bids));
        Assert.Equal(0, windows.Snapshot("dragon-3", T).Long.Interests);
    }

    [Fact]
    public void An_out_of_order_event_within_the_allowed_lateness_counts_where_it_belongs()
    {
        var windows = new DemandWindows();
        windows.RecordInterest("dragon-1", T);

        Assert.True(windows.RecordInterest("dragon-1", T - TimeSpan.FromSeconds(30)));

        Assert.Equal(0, windows.LateEventsDropped);
        Assert.Equal(2, windows.Snapshot("dragon-1", T).Short.Interests);
        Assert.Equal(1, windows.Snapshot("dragon-1", T - TimeSpan.FromSeconds(1)).Short.Interests);
    }

    [Fact]
    public void An_event_later_than_the_allowed_lateness_is_dropped_and_counted_as_late()
    {
        var windows = new DemandWindows();
        windows.RecordInterest("dragon-1", T);

        Assert.False(windows.RecordBid("dragon-1", T - TimeSpan.FromSeconds(31)));

        Assert.Equal(1, windows.LateEventsDropped);
        Assert.Equal(0, windows.Snapshot("dragon-1", T).Long.Bids);
    }

    [Fact]
    public void Time_passing_without_demand_also_makes_old_events_late()
    {
        var windows = new DemandWindows();
        windows.AdvanceWatermark(T);

        Assert.False(windows.RecordInterest("dragon-1", T - TimeSpan.FromMinutes(5)));
        Assert.Equal(T, windows.Watermark);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void Arrival_order_within_the_lateness_does_not_change_any_count(int seed)
    {
        var rng = new Random(seed);
        var events = Enumerable.Range(0, 3_000)
            .Select(i => (Key: $"item-{rng.Next(5)}", Bid: rng.Next(4) == 0, At: T + TimeSpan.FromSeconds(i * 2)))
            .ToList();
        var shuffled = events.OrderBy(e => e.At + TimeSpan.FromSeconds(rng.Next(0, 31))).ThenBy(_ => rng.Next()).ToList();
        Assert.NotEqual(events, shuffled);

        var inOrder = Fill(events);
        var outOfOrder = Fill(shuffled);

        Assert.Equal(0, outOfOrder.LateEventsDropped);
        var end = events[^1].At;
        foreach (var key in events.Select(e => e.Key).Distinct())
        {
            for (var back = 0; back < 120; back += 7)
            {
                var at = end - TimeSpan.FromSeconds(back % 31);
                Assert.Equal(inOrder.Snapshot(key, at), outOfOrder.Snapshot(key, at));
            }
        }
    }

    [Fact]
    public void Pruning_forgets_only_what_no_query_can_see()
    {
        var windows = new DemandWindows();
        for (var minute = 0; minute < 180; minute++)
        {
            windows.RecordInterest("dragon-1", T + TimeSpan.FromMinutes(minute));
        }

        windows.AdvanceWatermark(T + TimeSpan.FromMinutes(179));
        windows.Prune();

        Assert.Equal(60, windows.Snapshot("dragon-1", T + TimeSpan.FromMinutes(179)).Long.Interests);
        windows.AdvanceWatermark(T + TimeSpan.FromHours(10));
        windows.Prune();
        Assert.Equal(0, windows.KeyCount);
    }

    [Fact]
    public void Bad_options_are_rejected_by_name()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new DemandWindows(new DemandWindowsOptions { Medium = TimeSpan.FromSeconds(10) }));

        Assert.Equal("Medium", ex.ParamName);
    }

    private static DemandWindows Fill(IEnumerable<(string Key, bool Bid, DateTimeOffset At)> events)
    {
        var windows = new DemandWindows();
        foreach (var (key, bid, at) in events)
        {
            if (bid)
            {
                windows.RecordBid(key, at);
            }
            else
            {
                windows.RecordInterest(key, at);
            }
        }

        return windows;
    }
}
