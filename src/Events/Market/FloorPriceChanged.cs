using Orleans;

namespace Commerce.Events.Market;

/// <summary>A marketplace's floor (lowest listing) of a collection changed; whole units of <see cref="Currency"/>. Key: collection.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.FloorPriceChanged")]
public sealed record FloorPriceChanged(
    [property: Id(0)] string Collection,
    [property: Id(1)] decimal Price,
    [property: Id(2)] string Currency,
    [property: Id(3)] string Marketplace) : IEvent;
