using Commerce.Actors.Auctions;
using Orleans;

namespace Commerce.Actors.NftItem;

/// <summary>
/// One NFT item of a collection, live: its catalog facts, ownership, market and demand; <see cref="Delisted"/> once an
/// operator took it out of the catalog (for good: a later listing does not bring it back), and the operators' changes.
/// <see cref="BidsJournaled"/> numbers the accepted bids of all its auctions in its journal (<see cref="AuctionBidJournal"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.state.NftItemState")]
public sealed record NftItemState(
    [property: Id(0)] string ItemId,
    [property: Id(1)] bool Listed,
    [property: Id(2)] string Collection,
    [property: Id(3)] string TokenId,
    [property: Id(4)] string Rarity,
    [property: Id(5)] int Edition,
    [property: Id(6)] int Supply,
    [property: Id(7)] string? Owner,
    [property: Id(8)] decimal ListPrice,
    [property: Id(9)] string Currency,
    [property: Id(10)] decimal? FloorPrice,
    [property: Id(11)] IReadOnlyList<Bid> Bids,
    [property: Id(12)] long InterestTotal,
    [property: Id(13)] IReadOnlyList<InterestBucket> InterestByMinute,
    [property: Id(14)] ItemStatus Status,
    [property: Id(15)] DateTimeOffset? UpdatedAt,
    [property: Id(16)] Reservation? Reservation = null,
    [property: Id(17)] AuctionState? Auction = null,
    [property: Id(18)] bool Delisted = false,
    [property: Id(19)] IReadOnlyList<ItemChange>? Changes = null,
    [property: Id(20)] long BidsJournaled = 0)
{
    /// <summary>Minutes of per-minute interest kept (one hour).</summary>
    public const int InterestMinutes = 60;

    /// <summary>Operators' changes kept in <see cref="Changes"/> (the oldest go first).</summary>
    public const int MaxChanges = 32;

    public static NftItemState New(string itemId) =>
        new(itemId, false, "", "", "", 0, 0, null, 0m, "", null, [], 0, [], ItemStatus.Available, null);

    /// <summary>Interest within <paramref name="window"/> before <paramref name="now"/>.</summary>
    public long InterestWithin(TimeSpan window, DateTimeOffset now) =>
        InterestByMinute.Where(b => b.Minute > now - window).Sum(b => (long)b.Count);
}
