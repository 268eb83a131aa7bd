using Orleans;

namespace Commerce.Events.Auctions;

/// <summary>An auction could not be opened, cancelled or changed: <see cref="Field"/> names the request's field at fault.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.AuctionRefused")]
public sealed record AuctionRefused(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string Field,
    [property: Id(2)] string Reason) : IEvent;
