using Orleans;

namespace Commerce.Events.Auctions;

/// <summary>
/// A bid handed to an item's auction: by a player through the API (<see cref="Source"/> "player") or by a marketplace
/// webhook (the marketplace's name). <see cref="BidId"/> is the bidder's own id for it: a repeat is answered as the
/// first. <see cref="Amount"/> in whole units of <see cref="Currency"/>. Key: item id.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.BidSubmitted")]
public sealed record BidSubmitted(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string BidId,
    [property: Id(2)] string Bidder,
    [property: Id(3)] decimal Amount,
    [property: Id(4)] string Currency,
    [property: Id(5)] string Source) : IEvent;
