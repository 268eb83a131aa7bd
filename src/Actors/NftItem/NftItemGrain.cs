using Commerce.Actors.Auctions;
using Commerce.Actors.Ingress;
using Commerce.Actors.Ledger;
using Commerce.Actors.Runtime;
using Commerce.Actors.Storage;
using Orleans.Concurrency;
using Commerce.Events.Auctions;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Orders;
using Commerce.Events.Topics;

namespace Commerce.Actors.NftItem;

[GrainType(TypeName), Reentrant]
public sealed partial class NftItemGrain(
    [PersistentState("state", CommerceGrainStorage.Name)] IPersistentState<GrainDocument<NftItemState>> document,
    TimeProvider clock,
    IAuctionQuoteSigner quotes,
    IGrainStore store)
    : CommerceGrain<NftItemState>(document, clock), INftItemGrain
{
    public const string TypeName = "nft-item";

    private const string ReservationReminder = "reservation";

    /// <summary>What the ingress hands this grain type from commerce.item-events: listings and marketplace bids (the rest are its own facts).</summary>
    public static IngressRoute Ingress { get; } = new(TypeName, TopicCatalog.ItemEvents, new HashSet<Type> { typeof(ItemListed), typeof(BidSubmitted) },
        (grains, key) => grains.GetGrain<INftItemGrain>(key));

    protected override NftItemState CreateState(string key) => NftItemState.New(key);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (State.Auction is { BidCount: > 0 } auction && auction.RecentBids.Count == 0)
            State = State with { Auction = await WithKeptBidsAsync(auction, cancellationToken) };
    }

    /// <summary>Every handler is synchronous: a reentrant grain's state changes only between its awaits.</summary>
    protected override Task HandleAsync(EventEnvelope envelope)
    {
        switch (envelope.Payload)
        {
            case ItemListed e: List(e); break;
            case ItemInterestRegistered e: RegisterInterest(e); break;
            case ReservationRequested e: Reserve(e); break;
            case ReservationReleased e: Release(e); break;
            case ReservationExpired e: Expire(e); break;
            case ItemSold e: Sell(e); break;
            case ItemPaidFor e: HoldPaidFor(e); break;
            case BidSubmitted e: PlaceBid(e); break;
            case AuctionOpened e: OpenAuction(e); break;
            case AuctionCancelled e: CancelAuction(e); break;
            case AuctionReserveChanged e: ChangeReserve(e); break;
            case AuctionDeadlineReached e: ReachDeadline(e); break;
            case ItemDelisted e: Delist(e); break;
            case ItemEdited e: Edit(e); break;
            default: throw new UnhandledEventException(TypeName, envelope.Type);
        }
        return Task.CompletedTask;
    }

    public Task<Replies> RegisterInterestAsync(ItemInterestRegistered interest, Origin? origin) => ReceiveCallAsync(interest, origin);

    public Task<Replies> ReserveAsync(ReservationRequested request) => ReceiveCallAsync(request);

    public Task<Replies> ReleaseAsync(ReservationReleased release) => ReceiveCallAsync(release);

    public Task<Replies> HoldPaidForAsync(ItemPaidFor paid) => ReceiveCallAsync(paid);

    public Task<Replies> SellAsync(ItemSold sold) => ReceiveCallAsync(sold);

    public Task<NftItemState> GetStateAsync() => Task.FromResult(State);

    private void List(ItemListed listing)
    {
        if (State.Delisted)
            return; // an operator delisted it for good: the catalog listed again on start does not bring it back
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
            UpdatedAt = Current.OccurredAt,
        };
    }

    private void RegisterInterest(ItemInterestRegistered interest)
    {
        var minute = new DateTimeOffset(interest.ShownAt.UtcTicks - interest.ShownAt.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        State = State with
        {
            InterestTotal = State.InterestTotal + 1,
            InterestByMinute = CountIn(State.InterestByMinute, minute),
            UpdatedAt = Current.OccurredAt,
        };
    }

    private void Reserve(ReservationRequested request)
    {
        var at = Current.OccurredAt;
        var held = State.Reservation is { } r && r.Until > at ? r : null;
        var refusal = (State.Listed, State.Status, held) switch
        {
            (false, _, _) => "the item is not listed",
            (_, ItemStatus.Sold or ItemStatus.Minted, _) => "the item is sold",
            (_, ItemStatus.Settling, _) => "the item is paid for by an order being settled",
            (_, ItemStatus.Auctioned, _) when State.Auction?.Offer?.OrderId != request.OrderId => "the item is held for its auction",
            (_, _, { } other) when other.OrderId != request.OrderId => "the item is reserved by another order",
            _ when request.ReservedUntil <= at => "the reservation would already have expired",
            _ => null,
        };
        if (refusal is not null)
        {
            Reply(request.OrderId, new ReservationRefused(request.OrderId, Key, refusal));
            return;
        }
        // A repeated request of the holding order is answered again, with the hold it already has.
        var reservation = held ?? new Reservation(request.OrderId, request.PlayerId, request.ReservedUntil);
        State = State with { Reservation = reservation, Status = ItemStatus.Reserved, UpdatedAt = at };
        SetReminder(ReservationReminder, reservation.Until, new ReservationExpired(Key, reservation.OrderId));
        Reply(request.OrderId, new ItemReserved(request.OrderId, Key, reservation.PlayerId, reservation.Until));
    }

    /// <summary>An order gave the item back (or never got it): freed if that order holds it. Published for pricing either way.</summary>
    private void Release(ReservationReleased release)
    {
        if (State.Reservation?.OrderId == release.OrderId && State.Status is ItemStatus.Reserved or ItemStatus.Settling)
        {
            State = State with { Reservation = null, Status = FreeStatus, UpdatedAt = Current.OccurredAt };
            CancelReminder(ReservationReminder);
        }
        Emit(TopicCatalog.ItemEvents, Key, release);
    }

    /// <summary>
    /// The reservation's reminder: frees the item if that order still holds it and its time is up. The order needs no
    /// word: its own payment reminder, set to the same time, cancels it.
    /// </summary>
    private void Expire(ReservationExpired expired)
    {
        if (State.Reservation is { } held && held.OrderId == expired.OrderId && held.Until <= Current.OccurredAt
            && State.Status == ItemStatus.Reserved)
        {
            State = State with { Reservation = null, Status = FreeStatus, UpdatedAt = Current.OccurredAt };
        }
    }

    /// <summary>
    /// An order paid for the item (a plan's down payment confirmed on chain, or the price held on a custodial balance):
    /// the item is held for it with no expiry until it is sold or released. An order overtaken meanwhile is told.
    /// </summary>
    private void HoldPaidFor(ItemPaidFor paid)
    {
        if (State.Status is ItemStatus.Sold or ItemStatus.Minted)
            return; // already settled: a late hold changes nothing
        if (State is { Status: ItemStatus.Settling, Reservation: { } settling } && settling.OrderId == paid.OrderId)
            return; // a repeat
        TellOvertakenHolder(paid.OrderId);
        State = State with
        {
            Status = ItemStatus.Settling,
            Reservation = new Reservation(paid.OrderId, paid.PlayerId, DateTimeOffset.MaxValue),
            UpdatedAt = Current.OccurredAt,
        };
        CancelReminder(ReservationReminder);
        Emit(TopicCatalog.ItemEvents, Key, paid);
    }

    /// <summary>The sale ends any hold (and its reminder); a repeat of the same sale changes nothing and is not published again.</summary>
    private void Sell(ItemSold sold)
    {
        if (State.Status is ItemStatus.Sold or ItemStatus.Minted && string.Equals(State.Owner, sold.Owner, StringComparison.OrdinalIgnoreCase)
            && (State.Status == ItemStatus.Minted || !sold.Minted))
            return;
        TellOvertakenHolder(sold.OrderId);
        var status = sold.Minted ? ItemStatus.Minted : ItemStatus.Sold;
        if (State.Status == ItemStatus.Minted && !sold.Minted)
            status = ItemStatus.Minted; // a late "sold" never undoes a confirmed mint
        if (!string.Equals(State.Owner, sold.Owner, StringComparison.OrdinalIgnoreCase))
        {
            AppendToLedger(new LedgerEntry(sold.Minted ? "nft.minted" : "nft.sold", Key, State.Collection, State.TokenId,
                State.Owner, sold.Owner, $"order {sold.OrderId}"));
        }
        State = State with { Status = status, Owner = sold.Owner, Reservation = null, UpdatedAt = Current.OccurredAt };
        CancelReminder(ReservationReminder);
        Emit(TopicCatalog.ItemEvents, Key, sold);
        EndAuctionBySale(sold);
    }

    /// <summary>
    /// <paramref name="buyerOrderId"/> paid for or bought the item while another order held it (the buyer's payment was
    /// confirmed after its own hold ran out): the holder can no longer buy it and is refused (an answer addressed to the
    /// holder, which the calling order forwards).
    /// </summary>
    private void TellOvertakenHolder(string buyerOrderId)
    {
        if (State is { Status: ItemStatus.Reserved, Reservation: { } held } && held.OrderId != buyerOrderId
            && held.Until > Current.OccurredAt)
        {
            Reply(held.OrderId, new ReservationRefused(held.OrderId, Key, "the item was paid for by another order"));
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
