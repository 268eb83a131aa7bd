using Commerce.Events.Offers;
using Orleans;

namespace Commerce.Events.Auctions;

/// <summary>
/// An auction's item is offered to a bidder at their bid: the winner (<see cref="Round"/> 1) or, when the winner did not
/// pay in time, the next highest bidder (round 2). <see cref="Quote"/> is the signed EIP-712 quote to order with (null
/// when the instance has no quote key), valid until <see cref="PayBy"/>. On commerce.auction-events (key: item id) for
/// the watchers and on commerce.player-events (key: the buyer) for the buyer's push.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.AuctionWinnerOffered")]
public sealed record AuctionWinnerOffered(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string AuctionId,
    [property: Id(2)] long Seq,
    [property: Id(3)] int Round,
    [property: Id(4)] string Buyer,
    [property: Id(5)] decimal Price,
    [property: Id(6)] string Currency,
    [property: Id(7)] DateTimeOffset PayBy,
    [property: Id(8)] SignedQuote? Quote) : IEvent;
