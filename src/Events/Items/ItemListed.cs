namespace Commerce.Events.Items;

/// <summary>An item entered the catalog (or its listing changed). Key: item id ("collection:tokenId").</summary>
public sealed record ItemListed(
    string ItemId,
    string Collection,
    string TokenId,
    string Rarity,
    int Edition,
    int Supply,
    decimal ListPrice,
    string Currency,
    string? Owner) : IEvent;
