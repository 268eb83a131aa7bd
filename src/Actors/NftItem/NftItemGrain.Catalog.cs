using System.Globalization;
using Commerce.Actors.Runtime;
using Commerce.Events.Items;
using Commerce.Events.Topics;

namespace Commerce.Actors.NftItem;

/// <summary>
/// Operators' changes of the catalog entry (docs/API.md, "Operators"): delist (for good; refused while an order or an
/// auction holds the item, or once it is sold) and edit of the list price and rarity. Each change is kept in the
/// state's <see cref="NftItemState.Changes"/> (who, when, what) and published on the item topic.
/// </summary>
public sealed partial class NftItemGrain
{
    /// <summary>The reason an item never listed is refused with (the API's 404).</summary>
    public const string NotListed = "the item is not listed";

    public Task<Replies> DelistAsync(ItemDelisted request) => ReceiveCallAsync(request);

    public Task<Replies> EditAsync(ItemEdited request) => ReceiveCallAsync(request);

    private void Delist(ItemDelisted request)
    {
        if (State.Delisted)
        {
            ChangedNothing(); // a repeat: delisted already, nothing more to do
            Reply(Key, request);
            return;
        }
        var at = Current.OccurredAt;
        var refusal = State switch
        {
            { Listed: false } => NotListed,
            { Status: ItemStatus.Sold or ItemStatus.Minted } => $"the item is sold (owner {State.Owner})",
            { Status: ItemStatus.Settling, Reservation: { } paid } => $"the item is held by order {paid.OrderId}, paid for and being settled",
            { Status: ItemStatus.Auctioned } => $"the item is held by auction {State.Auction?.AuctionId}",
            { Status: ItemStatus.Reserved, Reservation: { } held } when held.Until > at => $"the item is held by order {held.OrderId} until {held.Until:O}",
            _ => null,
        };
        if (refusal is not null)
        {
            ChangedNothing();
            Reply(Key, new ItemChangeRefused(Key, refusal));
            return;
        }
        CancelReminder(ReservationReminder);
        State = State with
        {
            Listed = false,
            Delisted = true,
            Reservation = null,
            Status = FreeStatus,
            UpdatedAt = at,
            Changes = Audited(request.By, $"delisted: {request.Reason}"),
        };
        Emit(TopicCatalog.ItemEvents, Key, request);
        Reply(Key, request);
    }

    private void Edit(ItemEdited request)
    {
        var refusal = State switch
        {
            { Delisted: true } => "the item is delisted",
            { Listed: false } => NotListed,
            _ => null,
        };
        if (refusal is not null)
        {
            ChangedNothing();
            Reply(Key, new ItemChangeRefused(Key, refusal));
            return;
        }
        var what = new List<string>(2);
        if (request.ListPrice is { } price && price != State.ListPrice)
            what.Add(string.Create(CultureInfo.InvariantCulture, $"listPrice {State.ListPrice} -> {price}"));
        if (request.Rarity is { } rarity && rarity != State.Rarity)
            what.Add($"rarity {State.Rarity} -> {rarity}");
        if (what.Count == 0)
        {
            ChangedNothing(); // the same values: nothing to audit or publish
            Reply(Key, request);
            return;
        }
        State = State with
        {
            ListPrice = request.ListPrice ?? State.ListPrice,
            Rarity = request.Rarity ?? State.Rarity,
            UpdatedAt = Current.OccurredAt,
            Changes = Audited(request.By, string.Join(", ", what)),
        };
        Emit(TopicCatalog.ItemEvents, Key, request);
        Reply(Key, request);
    }

    private IReadOnlyList<ItemChange> Audited(string by, string what)
    {
        var changes = State.Changes ?? [];
        return [.. changes.Skip(Math.Max(0, changes.Count - NftItemState.MaxChanges + 1)), new ItemChange(Current.OccurredAt, by, what)];
    }
}
