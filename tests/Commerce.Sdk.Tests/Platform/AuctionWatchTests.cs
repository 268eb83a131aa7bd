using System.Net.Http.Headers;
using System.Net.Http.Json;
using Commerce.Host.Auth;
using Commerce.Sdk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Sdk.Tests.Platform;

/// <summary>
/// The SDK's auction watch against the real platform: the snapshot, then each accepted bid as it comes; the connection
/// cut for real by a relay, a bid made while it is down, and after the reconnect a snapshot that holds it and the next
/// bids, none repeated.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AuctionWatchTests(HostFixture platform)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_watch_gets_bids_as_they_come_and_after_a_dropped_connection_a_snapshot_and_no_bid_twice()
    {
        var itemId = await AuctionAsync();
        await using var relay = new TcpRelay(platform.BaseUrl);
        using var watcher = platform.NewClient(baseUrl: relay.BaseUrl);
        await watcher.SignInAsync(new KeyWalletSigner());
        using var alice = platform.NewClient();
        await alice.SignInAsync(new KeyWalletSigner());
        using var bob = platform.NewClient();
        await bob.SignInAsync(new KeyWalletSigner());

        using var watch = watcher.CreateAuctionWatch(itemId);
        var snapshots = new SignalLog<AuctionInfo>();
        var bids = new SignalLog<AuctionBid>();
        var states = new SignalLog<PushStateChange>();
        var errors = new SignalLog<Exception>();
        watch.Snapshot += snapshots.Add;
        watch.BidAccepted += bids.Add;
        watch.StateChanged += states.Add;
        watch.Error += errors.Add;
        watch.Start();
        await snapshots.WaitForAsync(s => s.Count >= 1, "the watch's first snapshot", Deadline);
        Assert.Equal((itemId, 0), (snapshots.Snapshot()[0].ItemId, snapshots.Snapshot()[0].BidCount));

        Assert.True((await alice.PlaceBidAsync(itemId, "alice-1", 1.0m, "ETH")).Accepted);
        await bids.WaitForAsync(b => b.Count >= 1, "alice's bid pushed to the watcher", Deadline);

        relay.Refusing = true;
        relay.DropAll();
        await states.WaitForAsync(s => s.Any(c => c.State == PushConnectionState.Reconnecting), "the watch to notice the drop", Deadline);
        Assert.True((await bob.PlaceBidAsync(itemId, "bob-1", 1.1m, "ETH")).Accepted);
        relay.Refusing = false;

        await snapshots.WaitForAsync(s => s.Any(x => x.BidCount == 2), "a snapshot after the reconnect holding bob's bid", Deadline);
        Assert.True((await alice.PlaceBidAsync(itemId, "alice-2", 1.2m, "ETH")).Accepted);
        await bids.WaitForAsync(b => b.Any(x => x.BidId == "alice-2"), "alice's second bid pushed after the reconnect", Deadline);

        var seen = bids.Snapshot();
        Assert.Equal(["alice-1", "alice-2"], seen.Select(b => b.BidId));
        Assert.True(seen[1].Seq > seen[0].Seq, $"bids in the auction's order: {string.Join(",", seen.Select(b => b.Seq))}");
        Assert.Equal((1.2m, itemId), (seen[1].Amount, seen[1].ItemId));
        Assert.True(watch.LastSeq >= seen[1].Seq);
        Assert.True(relay.Accepted >= 2, $"the watch should have connected again through the relay ({relay.Accepted} connections)");
        Assert.Empty(errors.Snapshot());

        await watch.StopAsync();
        Assert.Equal(PushConnectionState.Stopped, watch.State);
    }

    [Fact]
    public async Task Watching_an_item_without_an_auction_stops_with_not_found()
    {
        using var client = platform.NewClient();
        await client.SignInAsync(new KeyWalletSigner());
        using var watch = client.CreateAuctionWatch("dragons:no-auction-here");
        var states = new SignalLog<PushStateChange>();
        watch.StateChanged += states.Add;

        watch.Start();
        await watch.Completion.WaitAsync(Deadline);

        var faulted = Assert.Single(states.Snapshot(), s => s.State == PushConnectionState.Faulted);
        Assert.Equal(404, Assert.IsType<CommerceApiException>(faulted.Error).StatusCode);
    }

    /// <summary>A fresh item listed and put up for auction by marketing (reserve 1 ETH, an hour).</summary>
    private async Task<string> AuctionAsync()
    {
        using var marketing = new HttpClient { BaseAddress = platform.BaseUrl };
        marketing.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            platform.Services.GetRequiredService<TokenService>().Issue("marketing-sdk-test", Roles.Marketing).Token);
        var tokenId = $"w{Guid.NewGuid():N}"[..12];
        (await marketing.PostAsJsonAsync("api/admin/items",
            new { collection = "dragons", tokenId, rarity = "legendary", edition = 1, supply = 1, listPrice = 1, currency = "ETH" })).EnsureSuccessStatusCode();
        var itemId = $"dragons:{tokenId}";
        await Commerce.Testing.Eventually.Until(async () => (await marketing.GetAsync($"api/items/{itemId}")).IsSuccessStatusCode, Deadline, () => $"{itemId} to be listed");
        var opened = await marketing.PostAsJsonAsync("api/admin/auctions", new { itemId, auctionId = "sdk-watch", reserve = 1.0m, durationSeconds = 3600 });
        Assert.True(opened.IsSuccessStatusCode, $"the auction to open: {(int)opened.StatusCode} {await opened.Content.ReadAsStringAsync()}");
        return itemId;
    }
}
