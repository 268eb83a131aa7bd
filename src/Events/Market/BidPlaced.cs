using Orleans;

namespace Commerce.Events.Market;

/// <summary>A bid on an item was seen on a marketplace; <see cref="Amount"/> in whole units of <see cref="Currency"/>. Key: collection.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.BidPlaced")]
public sealed record BidPlaced(
    [property: Id(0)] string Collection,
    [property: Id(1)] string ItemId,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] string Currency,
    [property: Id(4)] string Marketplace) : IEvent;
