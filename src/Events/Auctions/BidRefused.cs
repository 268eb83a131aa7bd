using Orleans;

namespace Commerce.Events.Auctions;

/// <summary>An auction refused a bid (the answer to its bidder only: a refused bid changes nothing and is not stored).</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.BidRefused")]
public sealed record BidRefused(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string BidId,
    [property: Id(2)] string Bidder,
    [property: Id(3)] BidRefusal Reason,
    [property: Id(4)] decimal? Minimum,
    [property: Id(5)] string Detail) : IEvent;
