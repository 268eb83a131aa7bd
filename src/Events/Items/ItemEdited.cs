using Orleans;

namespace Commerce.Events.Items;

/// <summary>An operator changed what the catalog owns of an item: its list price and/or rarity (null: unchanged). Key: item id.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.ItemEdited")]
public sealed record ItemEdited(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string By,
    [property: Id(2)] decimal? ListPrice,
    [property: Id(3)] string? Rarity) : IEvent;
