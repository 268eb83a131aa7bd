using Orleans;

namespace Commerce.Events.Auctions;

/// <summary>
/// A bid is the auction's highest: the answer to its bidder and, on commerce.auction-events, the news for the item's
/// watchers. <see cref="Seq"/> numbers the auction's news; <see cref="EndsAt"/> the end after this bid (anti-sniping
/// moves it); <see cref="NextMinimum"/> the least the next bid may be. Key: item id.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.BidAccepted")]
public sealed record BidAccepted(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string AuctionId,
    [property: Id(2)] string BidId,
    [property: Id(3)] string Bidder,
    [property: Id(4)] decimal Amount,
    [property: Id(5)] string Currency,
    [property: Id(6)] long Seq,
    [property: Id(7)] DateTimeOffset At,
    [property: Id(8)] DateTimeOffset EndsAt,
    [property: Id(9)] decimal NextMinimum,
    [property: Id(10)] string Source) : IEvent;
