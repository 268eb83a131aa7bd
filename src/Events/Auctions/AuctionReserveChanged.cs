using Orleans;

namespace Commerce.Events.Auctions;

/// <summary>An auction's reserve was changed before its first bid. Key: item id.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.AuctionReserveChanged")]
public sealed record AuctionReserveChanged(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string AuctionId,
    [property: Id(2)] decimal Reserve) : IEvent;
