using Orleans;

namespace Commerce.Events.Auctions;

/// <summary>
/// An auction is over and its hold on the item released (exactly once per auction): sold to <see cref="Buyer"/>, unsold
/// or cancelled. On commerce.auction-events and commerce.item-events (pricing sees the item free again). Key: item id.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.AuctionEnded")]
public sealed record AuctionEnded(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string AuctionId,
    [property: Id(2)] long Seq,
    [property: Id(3)] AuctionOutcome Outcome,
    [property: Id(4)] string? Buyer,
    [property: Id(5)] decimal? Price,
    [property: Id(6)] string Currency) : IEvent;
