using System.Numerics;
using Commerce.Connectors.MarketplaceMonitoring;
using Commerce.Events.Market;
using Commerce.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Commerce.Connectors.Tests.MarketplaceMonitoring;

/// <summary>The monitoring connector against the simulated marketplace over HTTP and its Phoenix stream.</summary>
public sealed class MarketplaceMonitorTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private static readonly BigInteger Milli = BigInteger.Pow(10, 15);

    [Fact]
    public async Task The_floor_sales_and_offers_of_the_platforms_collections_are_published_and_other_collections_ignored()
    {
        await using var world = await MarketWorld.StartAsync();
        await using var host = world.Connector();
        await host.StartAsync();
        var counters = host.Services.GetRequiredService<MarketplaceMonitor>().Counters;
        await Eventually.Until(() => counters.Published >= 1, Deadline, "the first floor");

        world.Market.Sale(MarketWorld.Slug, "7", 120 * Milli);
        world.Market.Offer(MarketWorld.Slug, "3", 40 * Milli);
        world.Market.Sale(MarketWorld.Foreign, "1", 9000 * Milli);
        world.Market.SetFloor(MarketWorld.Slug, 0.06m);
        await Eventually.Until(() => counters.Published >= 4, Deadline, () => $"two floors, a sale and an offer; {counters.Published} so far");

        Assert.Equal([new FloorPriceChanged("dragons", 0.05m, "ETH", "opensea"), new FloorPriceChanged("dragons", 0.06m, "ETH", "opensea")], world.Published<FloorPriceChanged>());
        Assert.Equal([new SaleRecorded("dragons", "dragons:7", 0.12m, "ETH", "opensea")], world.Published<SaleRecorded>());
        Assert.Equal([new BidPlaced("dragons", "dragons:3", 0.04m, "ETH", "opensea")], world.Published<BidPlaced>());
        Assert.All(world.Market_(), e => Assert.Equal("dragons", e.Key));
        await host.StopAsync();
    }

    [Fact]
    public async Task What_the_stream_skips_the_REST_events_bring_and_what_both_see_is_published_once()
    {
        await using var world = await MarketWorld.StartAsync();
        await using var host = world.Connector();
        await host.StartAsync();
        var counters = host.Services.GetRequiredService<MarketplaceMonitor>().Counters;
        await Eventually.Until(() => counters.Published >= 1, Deadline, "the first floor");

        for (var i = 1; i <= 20; i++)
            world.Market.Sale(MarketWorld.Slug, i.ToString(), i * Milli, onStream: i % 3 != 0); // every third never reaches the stream
        await Eventually.Until(() => counters.Published >= 21 && counters.DuplicatesSkipped >= 13, Deadline,
            () => $"20 sales once each and the stream's repeats skipped; {counters.Published} published, {counters.DuplicatesSkipped} skipped");

        var sales = world.Published<SaleRecorded>();
        Assert.Equal(20, sales.Count);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"dragons:{i}").Order(), sales.Select(s => s.ItemId).Order());
        await host.StopAsync();
    }

    [Fact]
    public async Task Event_pages_follow_next_and_a_restart_resumes_from_the_stored_cursor_without_repeating()
    {
        await using var world = await MarketWorld.StartAsync();
        for (var i = 1; i <= 120; i++)
            world.Market.Offer(MarketWorld.Slug, i.ToString(), i * Milli, onStream: false);
        var settings = new Dictionary<string, string?> { ["MarketplaceMonitoring:Stream"] = "false" };
        await using (var first = world.Connector(settings: settings))
        {
            await first.StartAsync();
            var counters = first.Services.GetRequiredService<MarketplaceMonitor>().Counters;
            await Eventually.Until(() => counters.Published >= 121, Deadline, () => $"120 offers in pages of 50 and the floor; {counters.Published} so far");
            await first.StopAsync();
        }

        world.Market.Offer(MarketWorld.Slug, "500", Milli, onStream: false);
        await using var second = world.Connector(settings: settings);
        await second.StartAsync();
        var again = second.Services.GetRequiredService<MarketplaceMonitor>().Counters;
        await Eventually.Until(() => again.Published >= 1, Deadline, "the offer made while stopped");

        Assert.Equal(121, world.Published<BidPlaced>().Count);
        Assert.Single(world.Published<FloorPriceChanged>()); // the stored floor: the same floor is not published again
        Assert.Equal(world.Market_().Count, world.Market_().Select(e => e.Id).Distinct().Count());
        await second.StopAsync();
    }

    [Fact]
    public async Task An_exhausted_rate_limit_window_and_a_429_wait_on_the_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var world = await MarketWorld.StartAsync(clock);
        world.Market.Faults.RateLimit = 4; // one poll: stats, best listings, collection offers, events
        world.Market.Faults.RateWindow = TimeSpan.FromSeconds(60);
        world.Market.Sale(MarketWorld.Slug, "1", Milli, onStream: false);
        await using var host = world.Connector(clock, new Dictionary<string, string?> { ["MarketplaceMonitoring:Stream"] = "false" });
        await host.StartAsync();
        var counters = host.Services.GetRequiredService<MarketplaceMonitor>().Counters;

        await Eventually.Until(() => counters.Published >= 2, Deadline, "the floor and the sale within the window's four requests");
        Assert.Equal(4, world.Market.Faults.Requests);
        var windowStart = clock.GetUtcNow();
        world.Market.Sale(MarketWorld.Slug, "2", Milli, onStream: false);
        world.Market.Faults.Enqueue(429, TimeSpan.FromSeconds(20)); // the first call after the window answers 429

        // The clock moves a second at a time (the connector's waits are on it) until the second sale is published.
        DateTimeOffset? refusedAt = null, retriedAt = null;
        await Eventually.Until(() =>
        {
            if (world.Market.Faults.Requests > 4 && clock.GetUtcNow() - windowStart < TimeSpan.FromSeconds(60))
                throw new Xunit.Sdk.XunitException("a call went out before the rate-limit window reset");
            if (refusedAt is null && world.Market.Faults.Answered(429) == 1)
                refusedAt = clock.GetUtcNow();
            if (refusedAt is not null && retriedAt is null && world.Market.Faults.Requests > 5)
                retriedAt = clock.GetUtcNow();
            if (counters.Published >= 3)
                return true;
            clock.Advance(TimeSpan.FromSeconds(1));
            return false;
        }, Deadline, () => $"the second sale after the window and the Retry-After; {counters.Published} published, {world.Market.Faults.Requests} requests");
        Assert.NotNull(refusedAt);
        Assert.True(retriedAt - refusedAt >= TimeSpan.FromSeconds(19), $"retried {(retriedAt - refusedAt)?.TotalSeconds} s after a Retry-After of 20 s");
        await host.StopAsync();
    }

    [Fact]
    public async Task A_malformed_event_is_dead_lettered_with_its_reason_once_and_server_errors_are_retried()
    {
        await using var world = await MarketWorld.StartAsync();
        world.Market.AddRaw(MarketWorld.Slug, "{\"event_type\":\"sale\",\"event_timestamp\":" + DateTimeOffset.UtcNow.ToUnixTimeSeconds()
            + ",\"nft\":{\"identifier\":\"4\"},\"payment\":{\"quantity\":\"1\",\"decimals\":18,\"symbol\":\"ETH\"}}");
        world.Market.Faults.Enqueue(503, times: 2);
        world.Market.Sale(MarketWorld.Slug, "5", Milli, onStream: false);
        await using var host = world.Connector(settings: new Dictionary<string, string?> { ["MarketplaceMonitoring:Stream"] = "false" });
        await host.StartAsync();
        var counters = host.Services.GetRequiredService<MarketplaceMonitor>().Counters;
        await Eventually.Until(() => counters.Published >= 2 && counters.DeadLettered >= 1, Deadline, "the floor, the sale and a dead letter");
        await Eventually.Until(() => counters.Batches >= 6, Deadline, "a few more polls over the same events"); // the overlap reads them again

        var letter = Assert.Single(world.DeadLetters());
        Assert.Equal("order_hash: missing", letter.Error);
        Assert.Equal(2, world.Market.Faults.Answered(503));
        Assert.Single(world.Published<SaleRecorded>());
        await host.StopAsync();
    }
}
