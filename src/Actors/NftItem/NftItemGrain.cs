using System.Text.Json.Serialization.Metadata;
using Commerce.Actors.Ledger;
using Commerce.Actors.Runtime;
using Commerce.Actors.Serialization;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Orders;
using Commerce.Events.Topics;

namespace Commerce.Actors.NftItem;

public sealed class NftItemGrain : Grain<NftItemState>, INftItemGrain
{
    public const string TypeName = "nft-item";

    private const string ReservationReminder = "reservation";

    /// <summary>Fed partly by player-session outboxes (at-least-once), so it dedupes on event ids.</summary>
    public static GrainDefinition Definition { get; } =
        new(TypeName, TopicCatalog.ItemEvents, DedupeByEventId: true, () => new NftItemGrain());

    protected override JsonTypeInfo<NftItemState> StateJson => GrainJsonContext.Default.NftItemState;

    protected override NftItemState CreateState(string key) => NftItemState.New(key);

    protected override ValueTask ReceiveAsync(EventEnvelope envelope) => envelope.Payload switch
    {
        ItemListed e => ListAsync(e),
        ItemInterestRegistered e => RegisterInterestAsync(e),
        ReservationRequested e => ReserveAsync(e),
        ReservationReleased e => ReleaseAsync(e),
        ReservationExpired e => ExpireAsync(e),
        ItemSold e => SellAsync(e),
        ItemPaidFor e => HoldPaidForAsync(e),
        _ => throw new UnhandledEventException(TypeName, envelope.Type),
    };

    public ValueTask ListAsync(ItemListed listing)
    {
        State = State with
        {
            Listed = true,
            Collection = listing.Collection,
            TokenId = listing.TokenId,
            Rarity = listing.Rarity,
            Edition = listing.Edition,
            Supply = listing.Supply,
            ListPrice = listing.ListPrice,
            Currency = listing.Currency,
            // A listing repeated after a sale (the catalog is listed again on every start) keeps the buyer.
            Owner = State.Status is ItemStatus.Sold or ItemStatus.Minted ? State.Owner : listing.Owner,
            UpdatedAt = Context.Current.OccurredAt,
        };
        return ValueTask.CompletedTask;
    }

    public ValueTask RegisterInterestAsync(ItemInterestRegistered interest)
    {
        var minute = new DateTimeOffset(interest.ShownAt.UtcTicks - interest.ShownAt.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        State = State with
        {
            InterestTotal = State.InterestTotal + 1,
            InterestByMinute = CountIn(State.InterestByMinute, minute),
            UpdatedAt = Context.Current.OccurredAt,
        };
        return ValueTask.CompletedTask;
    }

    public ValueTask ReserveAsync(ReservationRequested request)
    {
        var at = Context.Current.OccurredAt;
        var held = State.Reservation is { } r && r.Until > at ? r : null;
        var refusal = (State.Listed, State.Status, held) switch
        {
            (false, _, _) => "the item is not listed",
            (_, ItemStatus.Sold or ItemStatus.Minted, _) => "the item is sold",
            (_, ItemStatus.Settling, _) => "the item is paid for by an order being settled",
            (_, _, { } other) when other.OrderId != request.OrderId => "the item is reserved by another order",
            _ when request.ReservedUntil <= at => "the reservation would already have expired",
            _ => null,
        };
        if (refusal is not null)
        {
            Context.Emit(TopicCatalog.OrderEvents, request.OrderId, new ReservationRefused(request.OrderId, Key, refusal));
            return ValueTask.CompletedTask;
        }
        // A repeated request of the holding order is answered again, with the hold it already has.
        var reservation = held ?? new Reservation(request.OrderId, request.PlayerId, request.ReservedUntil);
        State = State with { Reservation = reservation, Status = ItemStatus.Reserved, UpdatedAt = at };
        Context.SetReminder(ReservationReminder, reservation.Until, new ReservationExpired(Key, reservation.OrderId));
        Context.Emit(TopicCatalog.OrderEvents, request.OrderId, new ItemReserved(request.OrderId, Key, reservation.PlayerId, reservation.Until));
        return ValueTask.CompletedTask;
    }

    public ValueTask ReleaseAsync(ReservationReleased release)
    {
        if (State.Reservation?.OrderId == release.OrderId && State.Status is ItemStatus.Reserved or ItemStatus.Settling)
        {
            State = State with { Reservation = null, Status = ItemStatus.Available, UpdatedAt = Context.Current.OccurredAt };
            Context.CancelReminder(ReservationReminder);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>The reservation's reminder: frees the item if that order still holds it and its time is up.</summary>
    public ValueTask ExpireAsync(ReservationExpired expired)
    {
        if (State.Reservation is { } held && held.OrderId == expired.OrderId && held.Until <= Context.Current.OccurredAt
            && State.Status == ItemStatus.Reserved)
        {
            State = State with { Reservation = null, Status = ItemStatus.Available, UpdatedAt = Context.Current.OccurredAt };
            Context.Emit(TopicCatalog.OrderEvents, expired.OrderId, expired);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// An order paid for the item (a plan's down payment confirmed on chain, or the price held on a custodial balance):
    /// the item is held for it with no expiry until it is sold or released. An order overtaken meanwhile is told.
    /// </summary>
    public ValueTask HoldPaidForAsync(ItemPaidFor paid)
    {
        if (State.Status is ItemStatus.Sold or ItemStatus.Minted)
            return ValueTask.CompletedTask; // already settled: a late hold changes nothing
        TellOvertakenHolder(paid.OrderId);
        State = State with
        {
            Status = ItemStatus.Settling,
            Reservation = new Reservation(paid.OrderId, paid.PlayerId, DateTimeOffset.MaxValue),
            UpdatedAt = Context.Current.OccurredAt,
        };
        Context.CancelReminder(ReservationReminder);
        return ValueTask.CompletedTask;
    }

    /// <summary>The sale ends any hold (and its reminder); a repeat of the same sale changes nothing.</summary>
    public ValueTask SellAsync(ItemSold sold)
    {
        TellOvertakenHolder(sold.OrderId);
        var status = sold.Minted ? ItemStatus.Minted : ItemStatus.Sold;
        if (State.Status == ItemStatus.Minted && !sold.Minted)
            status = ItemStatus.Minted; // a late "sold" never undoes a confirmed mint
        if (!string.Equals(State.Owner, sold.Owner, StringComparison.OrdinalIgnoreCase))
        {
            Context.AppendToLedger(new LedgerEntry(sold.Minted ? "nft.minted" : "nft.sold", Key, State.Collection, State.TokenId,
                State.Owner, sold.Owner, $"order {sold.OrderId}"));
        }
        State = State with { Status = status, Owner = sold.Owner, Reservation = null, UpdatedAt = Context.Current.OccurredAt };
        Context.CancelReminder(ReservationReminder);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// <paramref name="buyerOrderId"/> paid for or bought the item while another order held it (the buyer's payment was
    /// confirmed after its own hold ran out): the holder can no longer buy it and is refused.
    /// </summary>
    private void TellOvertakenHolder(string buyerOrderId)
    {
        if (State is { Status: ItemStatus.Reserved, Reservation: { } held } && held.OrderId != buyerOrderId
            && held.Until > Context.Current.OccurredAt)
        {
            Context.Emit(TopicCatalog.OrderEvents, held.OrderId,
                new ReservationRefused(held.OrderId, Key, "the item was paid for by another order"));
        }
    }

    /// <summary>
    /// Adds one to the bucket of <paramref name="minute"/>, buckets ordered oldest first; only the
    /// last hour before the newest minute is kept, and a late event lands in its own minute.
    /// </summary>
    internal static IReadOnlyList<InterestBucket> CountIn(IReadOnlyList<InterestBucket> buckets, DateTimeOffset minute)
    {
        var count = buckets.Count;
        if (count > 0 && buckets[count - 1].Minute == minute)
        {
            var same = new InterestBucket[count];
            for (var i = 0; i < count - 1; i++) same[i] = buckets[i];
            same[count - 1] = buckets[count - 1] with { Count = buckets[count - 1].Count + 1 };
            return same;
        }
        var newest = count == 0 || minute > buckets[count - 1].Minute ? minute : buckets[count - 1].Minute;
        var oldestKept = newest - TimeSpan.FromMinutes(NftItemState.InterestMinutes);
        if (minute <= oldestKept)
            return buckets; // older than the window: nothing to count it in
        var result = new List<InterestBucket>(Math.Min(count + 1, NftItemState.InterestMinutes + 1));
        var placed = false;
        foreach (var bucket in buckets)
        {
            if (bucket.Minute <= oldestKept)
                continue;
            if (!placed && bucket.Minute >= minute)
            {
                result.Add(bucket.Minute == minute ? bucket with { Count = bucket.Count + 1 } : new InterestBucket(minute, 1));
                if (bucket.Minute != minute)
                    result.Add(bucket);
                placed = true;
                continue;
            }
            result.Add(bucket);
        }
        if (!placed)
            result.Add(new InterestBucket(minute, 1));
        return result;
    }
}
