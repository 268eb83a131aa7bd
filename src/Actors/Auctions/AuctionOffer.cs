using Commerce.Events.Offers;
using Orleans;

namespace Commerce.Actors.Auctions;

/// <summary>
/// The item offered to <see cref="Buyer"/> at their bid until <see cref="PayBy"/>: <see cref="Round"/> 1 the winner, 2
/// the next highest bidder. <see cref="OrderId"/> is the quote's nonce, the id of the order that pays it (null without a
/// quote: the instance has no quote key).
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.state.AuctionOffer")]
public sealed record AuctionOffer(
    [property: Id(0)] int Round,
    [property: Id(1)] string Buyer,
    [property: Id(2)] decimal Price,
    [property: Id(3)] DateTimeOffset PayBy,
    [property: Id(4)] string? OrderId,
    [property: Id(5)] SignedQuote? Quote);
