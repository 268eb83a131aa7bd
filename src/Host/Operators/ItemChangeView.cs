using Commerce.Actors.NftItem;

namespace Commerce.Host.Operators;

/// <summary>An item's catalog entry after an operator's delist or edit, with its audit (who, when, what; oldest first).</summary>
public sealed record ItemChangeView(string ItemId, bool Listed, bool Delisted, decimal ListPrice, string Currency, string Rarity, IReadOnlyList<ItemChange> Changes)
{
    public static ItemChangeView Of(NftItemState item) =>
        new(item.ItemId, item.Listed, item.Delisted, item.ListPrice, item.Currency, item.Rarity, item.Changes ?? []);
}
