using Orleans;

namespace Commerce.Events.Auctions;

/// <summary>Bidding on an auction ended (its clock ran out): <see cref="Winner"/> holds the highest bid. Key: item id.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.AuctionClosed")]
public sealed record AuctionClosed(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string AuctionId,
    [property: Id(2)] long Seq,
    [property: Id(3)] string Winner,
    [property: Id(4)] decimal WinningBid,
    [property: Id(5)] string Currency,
    [property: Id(6)] int Bids,
    [property: Id(7)] DateTimeOffset At) : IEvent;
