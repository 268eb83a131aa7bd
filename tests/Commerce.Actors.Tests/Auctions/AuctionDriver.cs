using Commerce.Actors.Auctions;
using Commerce.Actors.NftItem;
using Commerce.Actors.Tests.Harness;
using Commerce.Events;
using Commerce.Events.Auctions;
using Commerce.Events.Items;

namespace Commerce.Actors.Tests.Auctions;

/// <summary>One listed item of a test and its auction, driven as the API and the reminders drive it, at the test's clock.</summary>
public sealed class AuctionDriver(GrainCluster cluster, string itemId)
{
    public const string AuctionId = "auction-1";

    public string ItemId { get; } = itemId;

    public INftItemGrain Grain => cluster.Grains.GetGrain<INftItemGrain>(ItemId);

    public static async Task<AuctionDriver> ListedAsync(GrainCluster cluster, DateTimeOffset at)
    {
        var tokenId = Random.Shared.Next(1, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var driver = new AuctionDriver(cluster, $"dragons:{tokenId}");
        await cluster.ApplyAsync<INftItemGrain>(driver.ItemId, new ItemListed(driver.ItemId, "dragons", tokenId, "legendary", 1, 1, 1m, "ETH", null), at);
        return driver;
    }

    public async Task<IEvent> OpenAsync(DateTimeOffset at, decimal reserve = 1m, int increment = 5, TimeSpan? duration = null,
        TimeSpan? extension = null, TimeSpan? payment = null)
    {
        cluster.Clock.Set(at);
        var answer = await Grain.OpenAuctionAsync(new AuctionOpened(ItemId, AuctionId, reserve, increment, duration ?? TimeSpan.FromHours(1),
            extension ?? TimeSpan.FromMinutes(15), payment ?? TimeSpan.FromMinutes(10), "marketing"));
        return Assert.Single(answer.Events).Payload;
    }

    public async Task<IEvent> BidAsync(string bidder, decimal amount, DateTimeOffset at, string? bidId = null)
    {
        cluster.Clock.Set(at);
        var answer = await Grain.BidAsync(new BidSubmitted(ItemId, bidId ?? Guid.NewGuid().ToString("N"), bidder, amount, "ETH", "player"));
        var reply = Assert.Single(answer.Events);
        Assert.Equal(bidder, reply.Key);
        return reply.Payload;
    }

    /// <summary>Fires the auction reminder at <paramref name="at"/>, as Orleans would once it is due.</summary>
    public Task TickAsync(DateTimeOffset at)
    {
        cluster.Clock.Set(at);
        return cluster.TickAsync<INftItemGrain>(ItemId, "auction");
    }

    public async Task<NftItemState> StateAsync() =>
        await cluster.StateAsync<NftItemState>(NftItemGrain.TypeName, ItemId) ?? throw new InvalidOperationException($"{ItemId} was never stored");

    public async Task<AuctionState> AuctionAsync() => (await StateAsync()).Auction ?? throw new InvalidOperationException($"{ItemId} has no auction");

    public async Task<long> VersionAsync() =>
        (await cluster.Store.LoadStateAsync(NftItemGrain.TypeName, ItemId, CancellationToken.None))!.Version;
}
