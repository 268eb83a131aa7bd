using Commerce.Events.Auctions;
using Orleans;

namespace Commerce.Actors.Auctions;

/// <summary>
/// An English auction of one item, kept in the item's state. <see cref="RecentBids"/> holds the newest accepted bids
/// (oldest first, at most <see cref="MaxRecentBids"/>; the last is the highest), <see cref="Bidders"/> the distinct bidders
/// (at most <see cref="MaxBidders"/>, the most recent), <see cref="Seq"/> numbers the auction's news for its watchers.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.state.AuctionState")]
public sealed record AuctionState(
    [property: Id(0)] string AuctionId,
    [property: Id(1)] decimal Reserve,
    [property: Id(2)] string Currency,
    [property: Id(3)] int IncrementPercent,
    [property: Id(4)] TimeSpan Duration,
    [property: Id(5)] TimeSpan ExtensionWindow,
    [property: Id(6)] TimeSpan PaymentWindow,
    [property: Id(7)] AuctionPhase Phase,
    [property: Id(8)] DateTimeOffset OpenedAt,
    [property: Id(9)] DateTimeOffset? StartedAt,
    [property: Id(10)] DateTimeOffset? EndsAt,
    [property: Id(11)] long Seq,
    [property: Id(12)] int BidCount,
    [property: Id(13)] IReadOnlyList<AuctionBid> RecentBids,
    [property: Id(14)] IReadOnlyList<string> Bidders,
    [property: Id(15)] AuctionOffer? Offer,
    [property: Id(16)] AuctionOutcome? Outcome,
    [property: Id(17)] string OpenedBy)
{
    /// <summary>Accepted bids kept: enough for a watcher's first screen and to recognise a repeated bid id.</summary>
    public const int MaxRecentBids = 32;

    /// <summary>Distinct bidders kept, to tell the losers.</summary>
    public const int MaxBidders = 200;

    public AuctionBid? Highest => RecentBids.Count == 0 ? null : RecentBids[^1];

    /// <summary>
    /// The next highest valid bidder's best bid: a bidder cannot outbid themself, so consecutive accepted bids come from
    /// different bidders and the one before the highest is the runner-up's.
    /// </summary>
    public AuctionBid? RunnerUp => RecentBids.Count < 2 ? null : RecentBids[^2];
}
