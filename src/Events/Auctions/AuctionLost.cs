using Orleans;

namespace Commerce.Events.Auctions;

/// <summary>A bidder did not win an auction (its bidding ended with another bidder's price). Key: the bidder (player id).</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.AuctionLost")]
public sealed record AuctionLost(
    [property: Id(0)] string PlayerId,
    [property: Id(1)] string ItemId,
    [property: Id(2)] string AuctionId,
    [property: Id(3)] decimal WinningBid,
    [property: Id(4)] string Currency) : IEvent;
