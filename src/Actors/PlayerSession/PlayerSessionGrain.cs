using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Commerce.Actors.Runtime;
using Commerce.Actors.Serialization;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Offers;
using Commerce.Events.Player;
using Commerce.Events.Pushes;
using Commerce.Events.Serialization;
using Commerce.Events.Topics;

namespace Commerce.Actors.PlayerSession;

public sealed class PlayerSessionGrain : Grain<PlayerSessionState>, IPlayerSessionGrain
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

    private static readonly JsonTypeInfo<OrderUpdated> OrderJson =
        (JsonTypeInfo<OrderUpdated>)EventJsonContext.Default.GetTypeInfo(typeof(OrderUpdated))!;

    public static GrainDefinition Definition { get; } =
        new(TypeName, TopicCatalog.PlayerEvents, DedupeByEventId: false, () => new PlayerSessionGrain())
        {
            JournalLength = PlayerSessionState.MaxPushes,
        };

    protected override JsonTypeInfo<PlayerSessionState> StateJson => GrainJsonContext.Default.PlayerSessionState;

    protected override PlayerSessionState CreateState(string key) => PlayerSessionState.New(key);

    protected override ValueTask ReceiveAsync(EventEnvelope envelope) => envelope.Payload switch
    {
        InterestShown e => ShowInterestAsync(e),
        LoyaltyUpdated e => UpdateLoyaltyAsync(e),
        WalletLinked e => LinkWalletAsync(e),
        ChatIntentDetected e => DetectIntentAsync(e),
        OfferMade e => ReceiveOfferAsync(e),
        OrderUpdated e => UpdateOrderAsync(e),
        _ => throw new UnhandledEventException(TypeName, envelope.Type),
    };

    public ValueTask ShowInterestAsync(InterestShown interest)
    {
        var shownAt = Context.Current.OccurredAt;
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
        Context.Emit(TopicCatalog.ItemEvents, interest.ItemId,
            new ItemInterestRegistered(interest.ItemId, Key, interest.DwellSeconds, shownAt));
        Push("InterestRecorded", JsonSerializer.Serialize(
            new InterestRecorded(interest.ItemId, interest.DwellSeconds, State.InterestCount, Context.Current.Id),
            GrainJsonContext.Default.InterestRecorded));
        return ValueTask.CompletedTask;
    }

    public ValueTask UpdateLoyaltyAsync(LoyaltyUpdated loyalty)
    {
        State = State with { LoyaltyTier = loyalty.Tier, LifetimeValue = loyalty.LifetimeValue };
        return ValueTask.CompletedTask;
    }

    public ValueTask LinkWalletAsync(WalletLinked wallet)
    {
        State = State with { WalletAddress = wallet.WalletAddress, LastSeenAt = Context.Current.OccurredAt };
        return ValueTask.CompletedTask;
    }

    public ValueTask DetectIntentAsync(ChatIntentDetected intent)
    {
        var at = Context.Current.OccurredAt;
        State = State with
        {
            ChatIntents = [new ChatIntent(intent.ItemId, intent.Intent, intent.Sentiment, at), .. State.ChatIntents.Take(MaxChatIntents - 1)],
            LastSeenAt = at,
        };
        return ValueTask.CompletedTask;
    }

    /// <summary>Keeps the offer's items and pushes the offer itself; an offer already received (a redelivery) is ignored.</summary>
    public ValueTask ReceiveOfferAsync(OfferMade offer)
    {
        if (State.RecentOffers.Any(o => o.OfferId == offer.OfferId))
            return ValueTask.CompletedTask;
        var summaries = offer.Items.Select(i => new OfferSummary(offer.OfferId, i.ItemId, i.Price, i.Currency, i.ExpiresAt));
        State = State with { RecentOffers = [.. summaries.Concat(State.RecentOffers).Take(MaxOffers)] };
        Push("OfferMade", JsonSerializer.Serialize(offer, OfferJson));
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Keeps the order's latest status and pushes the update. An order's states only move forward, so an update
    /// with the status already kept is a redelivery (the order grain's outbox is at least once) and is ignored.
    /// </summary>
    public ValueTask UpdateOrderAsync(OrderUpdated order)
    {
        // A redelivered update is not pushed twice; an update of the same status with news (an installment reminder) is.
        if (State.Orders.Any(o => o.OrderId == order.OrderId && o.Status == order.Status && o.Detail == order.Detail))
            return ValueTask.CompletedTask;
        var summary = new OrderSummary(order.OrderId, order.ItemId, order.Status, Context.Current.OccurredAt, order.Detail);
        State = State with { Orders = [summary, .. State.Orders.Where(o => o.OrderId != order.OrderId).Take(MaxOrders - 1)] };
        Push("OrderUpdated", JsonSerializer.Serialize(order, OrderJson));
        return ValueTask.CompletedTask;
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
        Context.AppendJournal(seq, kind, bodyJson);
        Context.Emit(TopicCatalog.PlayerPushes, Key, new PlayerPushed(Key, seq, kind, bodyJson));
    }
}
