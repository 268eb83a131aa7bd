using Commerce.Actors.NftItem;

namespace Commerce.Host.Api;

/// <summary>
/// <c>GET /api/items/{itemId}</c>: what a buyer may see of an item (docs/SECURITY.md, "What responses show"), not the
/// grain's state. A reservation is shown only to the player it holds the item for; bids without their bidders.
/// </summary>
public sealed record ItemView(
    string ItemId,
    bool Listed,
    string Collection,
    string TokenId,
    string Rarity,
    int Edition,
    int Supply,
    string? Owner,
    decimal ListPrice,
    string Currency,
    decimal? FloorPrice,
    IReadOnlyList<BidView> Bids,
    long InterestTotal,
    string Status,
    DateTimeOffset? UpdatedAt,
    ReservationView? Reservation)
{
    public static ItemView Of(NftItemState item, string? callerPlayerId) => new(
        item.ItemId, item.Listed, item.Collection, item.TokenId, item.Rarity, item.Edition, item.Supply, item.Owner,
        item.ListPrice, item.Currency, item.FloorPrice,
        item.Bids.Select(b => new BidView(b.Amount, b.Currency, b.Marketplace, b.At)).ToArray(),
        item.InterestTotal, item.Status.ToString(), item.UpdatedAt,
        item.Reservation is { } r && callerPlayerId is not null && r.PlayerId == callerPlayerId ? new ReservationView(r.OrderId, r.Until) : null);
}
