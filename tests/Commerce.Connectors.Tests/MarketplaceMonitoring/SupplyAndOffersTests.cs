using System.Numerics;
using Commerce.Connectors.MarketplaceMonitoring;
using Commerce.Events.Market;
using Commerce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Connectors.Tests.MarketplaceMonitoring;

/// <summary>Supply from the collection's mints and burns, and collection offers from the order book and the stream.</summary>
public sealed class SupplyAndOffersTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private static readonly BigInteger Milli = BigInteger.Pow(10, 15);

    [Fact]
    public async Task Mints_and_burns_become_each_tokens_supply_and_a_restart_rereading_them_counts_nothing_twice()
    {
        await using var world = await MarketWorld.StartAsync();
        world.Market.Mint(MarketWorld.Slug, "5", quantity: 3);
        world.Market.Mint(MarketWorld.Slug, "6");
        world.Market.Move(MarketWorld.Slug, "6");               // between holders: no change
        world.Market.Burn(MarketWorld.Slug, "5");
        world.Market.Mint(MarketWorld.Foreign, "1");            // not the platform's collection
        await using (var host = world.Connector())
        {
            await host.StartAsync();
            await Eventually.Until(() => world.Published<ItemSupplyChanged>().Count >= 2, Deadline,
                () => $"the supply of tokens 5 and 6; {world.Published<ItemSupplyChanged>().Count} so far");
            await host.StopAsync();
        }
        Assert.Equal(
            [new ItemSupplyChanged("dragons", "dragons:5", 2, 3), new ItemSupplyChanged("dragons", "dragons:6", 1, 1)],
            world.Published<ItemSupplyChanged>().OrderBy(s => s.ItemId));

        // Within the overlap the restart reads the same transfers again: they were counted, so only the new burn counts.
        world.Market.Burn(MarketWorld.Slug, "6");
        await using (var again = world.Connector())
        {
            await again.StartAsync();
            var counters = again.Services.GetRequiredService<MarketplaceMonitor>().Counters;
            await Eventually.Until(() => world.Published<ItemSupplyChanged>().Count >= 3, Deadline, "the burn of token 6 after the restart");
            await Eventually.Until(() => counters.Batches >= 3, Deadline, "a few more polls over the same events");
            await again.StopAsync();
        }
        Assert.Equal(
            [new ItemSupplyChanged("dragons", "dragons:5", 2, 3), new ItemSupplyChanged("dragons", "dragons:6", 1, 1), new ItemSupplyChanged("dragons", "dragons:6", 0, 1)],
            world.Published<ItemSupplyChanged>().OrderBy(s => s.ItemId).ThenByDescending(s => s.Remaining));
    }

    [Fact]
    public async Task A_collection_offer_seen_on_the_order_book_and_on_the_stream_is_one_BidPlaced_on_any_item()
    {
        await using var world = await MarketWorld.StartAsync();
        await using var host = world.Connector();
        await host.StartAsync();
        var counters = host.Services.GetRequiredService<MarketplaceMonitor>().Counters;
        await Eventually.Until(() => counters.Published >= 1, Deadline, "the first floor");

        world.Market.CollectionOffer(MarketWorld.Slug, 30 * Milli);           // pushed on the stream and served by every poll
        world.Market.CollectionOffer(MarketWorld.Foreign, 900 * Milli);
        await Eventually.Until(() => world.Published<BidPlaced>().Count >= 1 && counters.DuplicatesSkipped >= 2, Deadline,
            () => $"the offer once and seen again; {counters.Published} published, {counters.DuplicatesSkipped} skipped");

        Assert.Equal([new BidPlaced("dragons", "dragons:*", 0.03m, "ETH", "opensea")], world.Published<BidPlaced>());
        await host.StopAsync();
    }
}
