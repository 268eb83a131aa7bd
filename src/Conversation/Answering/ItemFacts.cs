using Commerce.Actors.NftItem;

namespace Commerce.Conversation.Answering;

/// <summary>What the chat may say of an item: the item grain's live state, as a buyer may see it (no reservation holder, no bidders).</summary>
public sealed record ItemFacts(
    string ItemId,
    string Collection,
    string Rarity,
    int Edition,
    int Supply,
    string Status,
    decimal ListPrice,
    string Currency,
    decimal? FloorPrice,
    long InterestTotal,
    long InterestLastHour)
{
    public static ItemFacts Of(NftItemState item, DateTimeOffset now) => new(
        item.ItemId, item.Collection, item.Rarity, item.Edition, item.Supply, item.Status.ToString(), item.ListPrice, item.Currency,
        item.FloorPrice, item.InterestTotal, item.InterestWithin(TimeSpan.FromHours(1), now));

    /// <summary>True when the item can still be bought (not held for an order, not sold).</summary>
    public bool Available => Status == nameof(ItemStatus.Available);
}
