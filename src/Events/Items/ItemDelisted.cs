using Orleans;

namespace Commerce.Events.Items;

/// <summary>An operator took an item out of the catalog: no new order, offer or auction takes it. Key: item id.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.ItemDelisted")]
public sealed record ItemDelisted(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string By,
    [property: Id(2)] string Reason) : IEvent;
