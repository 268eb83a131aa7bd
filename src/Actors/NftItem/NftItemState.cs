namespace Commerce.Actors.NftItem;

/// <summary>One NFT item of a collection, live: its catalog facts, ownership, market and demand.</summary>
public sealed record NftItemState(
    string ItemId,
    bool Listed,
    string Collection,
    string TokenId,
    string Rarity,
    int Edition,
    int Supply,
    string? Owner,
    decimal ListPrice,
    string Currency,
    decimal? FloorPrice,
    IReadOnlyList<Bid> Bids,
    long InterestTotal,
    IReadOnlyList<InterestBucket> InterestByMinute,
    ItemStatus Status,
    DateTimeOffset? UpdatedAt,
    Reservation? Reservation = null)
{
    /// <summary>Minutes of per-minute interest kept (one hour).</summary>
    public const int InterestMinutes = 60;

    public static NftItemState New(string itemId) =>
        new(itemId, false, "", "", "", 0, 0, null, 0m, "", null, [], 0, [], ItemStatus.Available, null);

    /// <summary>Interest within <paramref name="window"/> before <paramref name="now"/>.</summary>
    public long InterestWithin(TimeSpan window, DateTimeOffset now) =>
        InterestByMinute.Where(b => b.Minute > now - window).Sum(b => (long)b.Count);
}
