using Orleans;

namespace Commerce.Events.Market;

/// <summary>An item of a collection sold on a marketplace; whole units of <see cref="Currency"/>. Key: collection.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.SaleRecorded")]
public sealed record SaleRecorded(
    [property: Id(0)] string Collection,
    [property: Id(1)] string ItemId,
    [property: Id(2)] decimal Price,
    [property: Id(3)] string Currency,
    [property: Id(4)] string Marketplace) : IEvent;
