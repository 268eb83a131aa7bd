using Orleans;

namespace Commerce.Actors.PlayerSession;

/// <summary>One of the player's accepted bids, as the auction answered it.</summary>
[GenerateSerializer, Immutable, Alias("commerce.state.PlayerBid")]
public sealed record PlayerBid(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string AuctionId,
    [property: Id(2)] string BidId,
    [property: Id(3)] decimal Amount,
    [property: Id(4)] string Currency,
    [property: Id(5)] DateTimeOffset At);
