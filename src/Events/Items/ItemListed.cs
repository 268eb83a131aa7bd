using Orleans;

namespace Commerce.Events.Items;

/// <summary>An item entered the catalog (or its listing changed). Key: item id ("collection:tokenId").</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.ItemListed")]
public sealed record ItemListed(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string Collection,
    [property: Id(2)] string TokenId,
    [property: Id(3)] string Rarity,
    [property: Id(4)] int Edition,
    [property: Id(5)] int Supply,
    [property: Id(6)] decimal ListPrice,
    [property: Id(7)] string Currency,
    [property: Id(8)] string? Owner) : IEvent;
