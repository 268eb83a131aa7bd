using Orleans;

namespace Commerce.Events.Market;

/// <summary>
/// <see cref="Remaining"/> of <see cref="Total"/> editions of an item are left (mints and burns). It travels on the
/// market topic, keyed by collection, next to the other facts the pricing engine reads per collection. Key: collection.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.ItemSupplyChanged")]
public sealed record ItemSupplyChanged(
    [property: Id(0)] string Collection,
    [property: Id(1)] string ItemId,
    [property: Id(2)] int Remaining,
    [property: Id(3)] int Total) : IEvent;
