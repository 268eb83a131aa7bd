using Orleans;

namespace Commerce.Events.Auctions;

/// <summary>The item's auction reminder came due: the end of bidding or of a payment window. Key: item id.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.AuctionDeadlineReached")]
public sealed record AuctionDeadlineReached(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string AuctionId) : IEvent;
