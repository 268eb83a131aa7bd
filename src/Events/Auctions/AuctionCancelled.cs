using Orleans;

namespace Commerce.Events.Auctions;

/// <summary>An auction was called off before its first bid (the item is free again). Key: item id.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.AuctionCancelled")]
public sealed record AuctionCancelled(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string AuctionId,
    [property: Id(2)] string CancelledBy) : IEvent;
