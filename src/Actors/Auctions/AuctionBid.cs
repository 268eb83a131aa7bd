using Orleans;

namespace Commerce.Actors.Auctions;

/// <summary>An accepted bid, numbered <see cref="Seq"/> in its auction's news.</summary>
[GenerateSerializer, Immutable, Alias("commerce.state.AuctionBid")]
public sealed record AuctionBid(
    [property: Id(0)] string BidId,
    [property: Id(1)] string Bidder,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] string Source,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] long Seq);
