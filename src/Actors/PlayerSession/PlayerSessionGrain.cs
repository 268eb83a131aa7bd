using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Commerce.Actors.NftItem;
using Commerce.Actors.Ingress;
using Commerce.Actors.Runtime;
using Commerce.Actors.Serialization;
using Commerce.Events.Auctions;

using Commerce.Events.Campaigns;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Offers;
using Commerce.Events.Player;
using Commerce.Events.Pushes;
using Commerce.Events.Serialization;
using Commerce.Events.Topics;

namespace Commerce.Actors.PlayerSession;

[GrainType(TypeName)]
public sealed class PlayerSessionGrain(
    [PersistentState("state", CommerceGrainStorage.Name)] IPersistentState<GrainDocument<PlayerSessionState>> document,
    TimeProvider clock)
    : CommerceGrain<PlayerSessionState>(document, clock), IPlayerSessionGrain
{
    public const string TypeName = "player-session";

    /// <summary>Chat intents kept (most recent first).</summary>
    public const int MaxChatIntents = 20;

    /// <summary>Offered items kept (most recent first).</summary>
    public const int MaxOffers = 30;

    /// <summary>Orders kept (most recently changed first).</summary>
    public const int MaxOrders = 30;

    private static readonly JsonTypeInfo<OfferMade> OfferJson =
        (JsonTypeInfo<OfferMade>)EventJsonContext.Default.GetTypeInfo(typeof(OfferMade))!;

    private static readonly JsonTypeInfo<AirdropDelivered> AirdropJson =
        (JsonTypeInfo<AirdropDelivered>)EventJsonContext.Default.GetTypeInfo(typeof(AirdropDelivered))!;

    private static readonly JsonTypeInfo<OrderUpdated> OrderJson =
        (JsonTypeInfo<OrderUpdated>)EventJsonContext.Default.GetTypeInfo(typeof(OrderUpdated))!;

    private static readonly JsonTypeInfo<AuctionWinnerOffered> WonJson =
        (JsonTypeInfo<AuctionWinnerOffered>)EventJsonContext.Default.GetTypeInfo(typeof(AuctionWinnerOffered))!;

    private static readonly JsonTypeInfo<AuctionLost> LostJson =
        (JsonTypeInfo<AuctionLost>)EventJsonContext.Default.GetTypeInfo(typeof(AuctionLost))!;

    private static readonly JsonTypeInfo<CreditedRefundPaid> CreditedRefundPaidJson =
        (JsonTypeInfo<CreditedRefundPaid>)EventJsonContext.Default.GetTypeInfo(typeof(CreditedRefundPaid))!;

    /// <summary>What the ingress hands this grain type from commerce.player-events.</summary>
    public static IngressRoute Ingress { get; } = new(TypeName, TopicCatalog.PlayerEvents,
        new HashSet<Type> { typeof(InterestShown), typeof(LoyaltyUpdated), typeof(WalletLinked), typeof(ChatIntentDetected),
            typeof(AuctionWinnerOffered), typeof(AuctionLost), typeof(CreditedRefundPaid) },
        (grains, key) => grains.GetGrain<IPlayerSessionGrain>(key));

    protected override int JournalLength => PlayerSessionState.MaxPushes;

    protected override PlayerSessionState CreateState(string key) => PlayerSessionState.New(key);

    protected override Task HandleAsync(EventEnvelope envelope)
    {
        switch (envelope.Payload)
        {
            case InterestShown e: ShowInterest(e); break;
            case LoyaltyUpdated e: UpdateLoyalty(e); break;
            case WalletLinked e: LinkWallet(e); break;
            case ChatIntentDetected e: DetectIntent(e); break;
            case OfferMade e: ReceiveOffer(e); break;
            case OrderUpdated e: UpdateOrder(e); break;
            case BidSubmitted e: Bid(e); break;
            case BidAccepted e: KeepBid(e); break;
            case BidRefused e: PassOn(e); break;
            case AuctionWinnerOffered e: TellAuctionNews($"{e.AuctionId}:offered:{e.Round}", "AuctionWon", JsonSerializer.Serialize(e, WonJson)); break;
            case AuctionLost e: TellAuctionNews($"{e.AuctionId}:lost", "AuctionLost", JsonSerializer.Serialize(e, LostJson)); break;
            case CreditedRefundPaid { Confirmed: true, Reorged: false } e when e.PlayerId == Key:
                TellAuctionNews($"owed:{e.TransactionHash}:{e.LogIndex}", nameof(CreditedRefundPaid), JsonSerializer.Serialize(e, CreditedRefundPaidJson));
                break;
            case CreditedRefundPaid: break; // not yet confirmed, or its block left the chain: nothing to tell

            case AirdropDelivered e: Push("AirdropDelivered", JsonSerializer.Serialize(e, AirdropJson)); break;
            default: throw new UnhandledEventException(TypeName, envelope.Type);
        }
        return Task.CompletedTask;
    }

    public Task<Replies> UpdateOrderAsync(OrderUpdated order) => ReceiveCallAsync(order);

    public Task<Replies> ReceiveOfferAsync(OfferMade offer) => ReceiveCallAsync(offer);

    public Task<Replies> BidAsync(BidSubmitted bid) => ReceiveCallAsync(bid);

    /// <summary>Hands the player's bid to the item's auction; its answer comes back to <see cref="KeepBid"/> or <see cref="PassOn"/>.</summary>
    private void Bid(BidSubmitted bid)
    {
        if (bid.Bidder != Key)
            throw new ArgumentException($"a bid of {bid.Bidder} handed to the session of {Key}", nameof(bid));
        Call(() => GrainFactory.GetGrain<INftItemGrain>(bid.ItemId).BidAsync(bid));
    }

    /// <summary>The auction took the bid: kept (once) among the player's bids, then answered.</summary>
    private void KeepBid(BidAccepted accepted)
    {
        var bids = State.Bids ?? [];
        if (!bids.Any(b => b.BidId == accepted.BidId && b.ItemId == accepted.ItemId))
        {
            var bid = new PlayerBid(accepted.ItemId, accepted.AuctionId, accepted.BidId, accepted.Amount, accepted.Currency, accepted.At);
            State = State with { Bids = [bid, .. bids.Take(PlayerSessionState.MaxBids - 1)] };
        }
        Reply(Key, accepted);
    }

    /// <summary>The auction refused the bid: answered, nothing stored.</summary>
    private void PassOn(BidRefused refused)
    {
        ChangedNothing();
        Reply(Key, refused);
    }

    /// <summary>
    /// Pushes what an auction (won and offered, lost) or the Checkout (a credited refund paid out) tells this player once:
    /// a redelivered record is recognised by its notice id.
    /// </summary>
    private void TellAuctionNews(string noticeId, string kind, string bodyJson)
    {
        var notices = State.AuctionNotices ?? [];
        if (notices.Contains(noticeId))
            return;
        State = State with { AuctionNotices = [noticeId, .. notices.Take(PlayerSessionState.MaxAuctionNotices - 1)] };
        Push(kind, bodyJson);
    }

    public Task<PlayerSessionState> GetStateAsync() => Task.FromResult(State);

    /// <summary>The campaign's recipient grain calls once per delivery (it keeps whether it did), with its own key as origin.</summary>
    public Task<Replies> NotifyAirdropAsync(AirdropDelivered airdrop) => ReceiveCallAsync(airdrop);

    /// <summary>Counts the interest and tells the item's grain, with the record it came from (so a redelivery counts once there too).</summary>
    private void ShowInterest(InterestShown interest)
    {
        var shownAt = Current.OccurredAt;
        var existing = State.Interests.FirstOrDefault(i => i.ItemId == interest.ItemId);
        var updated = existing is null
            ? new ItemInterest(interest.ItemId, 1, interest.DwellSeconds, shownAt, shownAt)
            : existing with { Count = existing.Count + 1, TotalDwellSeconds = existing.TotalDwellSeconds + interest.DwellSeconds, LastAt = shownAt };
        State = State with
        {
            Interests = [updated, .. State.Interests.Where(i => i.ItemId != interest.ItemId).Take(PlayerSessionState.MaxInterests - 1)],
            InterestCount = State.InterestCount + 1,
            LastSeenAt = shownAt,
        };
        var registered = new ItemInterestRegistered(interest.ItemId, Key, interest.DwellSeconds, shownAt);
        var origin = CurrentOrigin;
        Call(() => GrainFactory.GetGrain<INftItemGrain>(interest.ItemId).RegisterInterestAsync(registered, origin));
        Push("InterestRecorded", JsonSerializer.Serialize(
            new InterestRecorded(interest.ItemId, interest.DwellSeconds, State.InterestCount, Current.Id),
            GrainJsonContext.Default.InterestRecorded));
    }

    private void UpdateLoyalty(LoyaltyUpdated loyalty) =>
        State = State with { LoyaltyTier = loyalty.Tier, LifetimeValue = loyalty.LifetimeValue };

    private void LinkWallet(WalletLinked wallet) =>
        State = State with { WalletAddress = wallet.WalletAddress, LastSeenAt = Current.OccurredAt };

    private void DetectIntent(ChatIntentDetected intent)
    {
        var at = Current.OccurredAt;
        State = State with
        {
            ChatIntents = [new ChatIntent(intent.ItemId, intent.Intent, intent.Sentiment, at), .. State.ChatIntents.Take(MaxChatIntents - 1)],
            LastSeenAt = at,
        };
    }

    /// <summary>
    /// Keeps the offer's items and pushes the offer itself; an offer already received (pricing handing it again after
    /// a restart) is ignored.
    /// </summary>
    private void ReceiveOffer(OfferMade offer)
    {
        if (offer.PlayerId != Key)
            throw new ArgumentException($"an offer to {offer.PlayerId} handed to the session of {Key}", nameof(offer));
        if (State.RecentOffers.Any(o => o.OfferId == offer.OfferId))
            return;
        var summaries = offer.Items.Select(i => new OfferSummary(offer.OfferId, i.ItemId, i.Price, i.Currency, i.ExpiresAt));
        State = State with { RecentOffers = [.. summaries.Concat(State.RecentOffers).Take(MaxOffers)] };
        Push("OfferMade", JsonSerializer.Serialize(offer, OfferJson));
    }

    /// <summary>
    /// Keeps the order's latest status and pushes the update. An order's states only move forward, so an update
    /// with the status already kept is a redelivery (the order grain's outbox is at least once) and is ignored.
    /// </summary>
    private void UpdateOrder(OrderUpdated order)
    {
        // A redelivered update is not pushed twice; an update of the same status with news (an installment reminder) is.
        if (State.Orders.Any(o => o.OrderId == order.OrderId && o.Status == order.Status && o.Detail == order.Detail))
            return;
        var summary = new OrderSummary(order.OrderId, order.ItemId, order.Status, Current.OccurredAt, order.Detail);
        State = State with { Orders = [summary, .. State.Orders.Where(o => o.OrderId != order.OrderId).Take(MaxOrders - 1)] };
        Push("OrderUpdated", JsonSerializer.Serialize(order, OrderJson));
    }

    /// <summary>
    /// Sends something to this player in real time, numbered so a reconnecting client can resume: the push goes to the
    /// grain's journal (the last <see cref="PlayerSessionState.MaxPushes"/> are kept, beside the state, not in it) and to
    /// the player-pushes topic.
    /// </summary>
    private void Push(string kind, string bodyJson)
    {
        var seq = State.PushSeq + 1;
        State = State with { PushSeq = seq };
        AppendJournal(seq, kind, bodyJson);
        Emit(TopicCatalog.PlayerPushes, Key, new PlayerPushed(Key, seq, kind, bodyJson));
    }
}
