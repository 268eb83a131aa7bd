using Commerce.Pricing.Amounts;
using Commerce.Pricing.Engine;
using Commerce.Pricing.Inputs;
using Commerce.Pricing.Policy;
using Commerce.Pricing.Windows;

namespace Commerce.Pricing.State;

/// <summary>
/// The live context, folded from <see cref="PricingInput"/> events in the order they are applied, on event time:
/// last-writer-wins by event time for loyalty, intent, supply and floor; sales kept sorted by time; demand in
/// <see cref="DemandWindows"/>. An interest or bid later than the allowed lateness is dropped. The same events in
/// the same order always give the same state. Not thread-safe: apply one event at a time.
/// </summary>
public sealed class PricingState
{
    private readonly PricingStateOptions _options;
    private readonly Dictionary<string, PlayerState> _players = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, ItemListing> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CollectionState> _collections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ItemAvailabilityChanged> _offSale = new(StringComparer.Ordinal);

    public PricingState(PricingStateOptions? options = null)
    {
        _options = (options ?? new PricingStateOptions()).Validate();
        Demand = new DemandWindows(_options.Windows);
    }

    public DemandWindows Demand { get; }

    /// <summary>List prices quoted so far (the rate limit reads them; the offer maker records them).</summary>
    public PriceHistory ListPrices { get; } = new();

    public DateTimeOffset Watermark => Demand.Watermark;

    public long EventsApplied { get; private set; }

    /// <summary>Items in item-id order (ordinal): the order candidates are considered in.</summary>
    public IEnumerable<ItemListing> Items => _items.Values;

    public void Apply(PricingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        EventsApplied++;
        switch (input)
        {
            case InterestShown e:
                if (Demand.RecordInterest(e.ItemId, e.At))
                {
                    AddInterest(e);
                }

                break;
            case BidPlaced e:
                Demand.RecordBid(e.ItemId, e.At);
                break;
            case LoyaltyUpdated e:
                var player = Player(e.PlayerId);
                if (e.At.UtcTicks >= player.LoyaltyTicks)
                {
                    player.Tier = e.Tier;
                    player.LifetimeValue = e.LifetimeValue <= 0 ? 0 : e.LifetimeValue >= long.MaxValue ? long.MaxValue : (long)decimal.Truncate(e.LifetimeValue);
                    player.LoyaltyTicks = e.At.UtcTicks;
                }

                break;
            case ChatIntentDetected e:
                var chatting = Player(e.PlayerId);
                if (chatting.Intent is null || e.At >= chatting.Intent.At)
                {
                    chatting.Intent = e;
                }

                break;
            case ItemSupplyChanged e:
                if (!_items.TryGetValue(e.ItemId, out var known) || e.At >= known.UpdatedAt)
                {
                    _items[e.ItemId] = new ItemListing(e.ItemId, e.Collection, e.Rarity, e.Remaining, e.Total, e.Traits, e.At);
                }

                break;
            case ItemRarityChanged e:
                // An edit of an item not listed yet changes nothing: its listing, when it comes, says the rarity.
                if (_items.TryGetValue(e.ItemId, out var edited) && e.At >= edited.UpdatedAt)
                {
                    var trait = $"rarity:{e.Rarity.ToString().ToLowerInvariant()}";
                    _items[e.ItemId] = edited with
                    {
                        Rarity = e.Rarity,
                        Traits = [.. edited.Traits.Where(t => !t.StartsWith("rarity:", StringComparison.Ordinal)), trait],
                        UpdatedAt = e.At,
                    };
                }

                break;
            case FloorPriceChanged e:
                var floorOf = Collection(e.Collection);
                if (e.At.UtcTicks >= floorOf.FloorTicks)
                {
                    floorOf.Floor = e.Price;
                    floorOf.FloorTicks = e.At.UtcTicks;
                }

                break;
            case SaleRecorded e:
                AddSale(Collection(e.Collection), e);
                break;
            case CampaignStarted e:
                var started = Campaign(e.Collection, e.CampaignId);
                started.Started = true;
                started.DiscountPpm = ToPpm(e.Discount);
                started.FromTicks = e.From.UtcTicks;
                started.UntilTicks = e.Until.UtcTicks;
                break;
            case CampaignEnded e:
                var ended = Campaign(e.Collection, e.CampaignId);
                ended.EndedTicks = Math.Min(ended.EndedTicks, e.At.UtcTicks);
                break;
            case ItemAvailabilityChanged e:
                TakeOffSaleOrBack(e);
                break;
            case OfferRequested:
                break;
            default:
                throw new ArgumentException($"Unsupported pricing input {input.GetType().Name}.", nameof(input));
        }

        Demand.AdvanceWatermark(input.At);
    }

    /// <summary>False while one of our orders that paid for the item holds it, and for good once one bought it.</summary>
    public bool IsOnSale(string itemId) => !_offSale.ContainsKey(itemId);

    /// <summary>A sale is for good; a hold ends only by a release of the same order (a stale release changes nothing).</summary>
    private void TakeOffSaleOrBack(ItemAvailabilityChanged e)
    {
        _offSale.TryGetValue(e.ItemId, out var current);
        if (current?.Availability == ItemAvailability.Sold)
            return;
        switch (e.Availability)
        {
            case ItemAvailability.Sold or ItemAvailability.Held:
                _offSale[e.ItemId] = e;
                break;
            case ItemAvailability.Released when current is not null && current.OrderId == e.OrderId:
                _offSale.Remove(e.ItemId);
                break;
        }
    }

    public bool TryGetItem(string itemId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ItemListing? item) =>
        _items.TryGetValue(itemId, out item);

    public LoyaltyTier TierOf(string playerId) => _players.TryGetValue(playerId, out var p) ? p.Tier : LoyaltyTier.None;

    /// <summary>The player's retained interests up to <paramref name="at"/>, oldest first.</summary>
    public IReadOnlyList<PlayerInterest> InterestsOf(string playerId, DateTimeOffset at) =>
        _players.TryGetValue(playerId, out var player) ? player.Interests.Where(i => i.At <= at).ToList() : [];

    /// <summary>Everything the engine needs to price <paramref name="item"/> for a player at an instant.</summary>
    public PricingContext Context(string playerId, ItemListing item, DateTimeOffset at, PricingPolicy policy, CollectionPolicy collection)
    {
        var ticks = at.UtcTicks;
        _players.TryGetValue(playerId, out var player);
        _collections.TryGetValue(item.Collection, out var market);
        var (dwell, lastAge) = Engagement(player, item.ItemId, at, collection.Engagement.RecencyHorizon);
        var intent = ActiveIntent(player, item.ItemId, at, policy.IntentTtl);
        var (campaignPpm, campaignEnds) = ActiveCampaign(market, ticks);
        var (low, high) = ListPrices.Range(item.ItemId, at, collection.MaxChange.Window);
        return new PricingContext
        {
            ItemId = item.ItemId,
            Collection = item.Collection,
            Rarity = item.Rarity,
            Remaining = item.Remaining,
            Total = item.Total,
            MarketFloor = market?.Floor is { } floor && floor.Currency == collection.Currency ? floor.BaseUnits : 0,
            RecentSalesMean = SalesMean(market, ticks, collection),
            Demand = Demand.Snapshot(item.ItemId, at),
            Tier = player?.Tier ?? LoyaltyTier.None,
            LifetimeValue = player?.LifetimeValue ?? 0,
            Dwell = dwell,
            LastInterestAge = lastAge,
            Intent = intent?.Intent ?? ChatIntent.None,
            SentimentMilli = intent is null ? 0 : (int)Math.Clamp(decimal.Round(intent.Sentiment * 1000m), -1000m, 1000m),
            CampaignDiscountPpm = campaignPpm,
            CampaignEndsAt = campaignEnds,
            RecentListLow = low,
            RecentListHigh = high,
        };
    }

    private static (TimeSpan Dwell, TimeSpan? LastAge) Engagement(PlayerState? player, string itemId, DateTimeOffset at, TimeSpan horizon)
    {
        if (player is null)
        {
            return (TimeSpan.Zero, null);
        }

        var dwell = TimeSpan.Zero;
        DateTimeOffset? last = null;
        var from = at - horizon;
        foreach (var interest in player.Interests)
        {
            if (interest.At > at || !string.Equals(interest.ItemId, itemId, StringComparison.Ordinal))
            {
                continue;
            }

            last = interest.At;
            if (interest.At > from && interest.Dwell > TimeSpan.Zero)
            {
                dwell += interest.Dwell;
            }
        }

        return (dwell, last is { } seen ? at - seen : null);
    }

    private static ChatIntentDetected? ActiveIntent(PlayerState? player, string itemId, DateTimeOffset at, TimeSpan ttl)
    {
        var intent = player?.Intent;
        if (intent is null || intent.At > at || at - intent.At >= ttl)
        {
            return null;
        }

        return intent.ItemId is null || string.Equals(intent.ItemId, itemId, StringComparison.Ordinal) ? intent : null;
    }

    private static (int Ppm, DateTimeOffset? EndsAt) ActiveCampaign(CollectionState? market, long ticks)
    {
        if (market is null)
        {
            return (0, null);
        }

        var best = 0;
        DateTimeOffset? ends = null;
        foreach (var campaign in market.Campaigns.Values)
        {
            if (campaign.IsActiveAt(ticks) && campaign.DiscountPpm > best)
            {
                best = campaign.DiscountPpm;
                ends = new DateTimeOffset(campaign.EffectiveEndTicks, TimeSpan.Zero);
            }
        }

        return (best, ends);
    }

    private static Int128 SalesMean(CollectionState? market, long ticks, CollectionPolicy collection)
    {
        if (market is null)
        {
            return 0;
        }

        Int128 sum = 0;
        var count = 0;
        for (var i = market.Sales.Count - 1; i >= 0 && count < collection.Market.LastSales; i--)
        {
            var (saleTicks, price) = market.Sales[i];
            if (saleTicks <= ticks && price.Currency == collection.Currency && price.BaseUnits > 0)
            {
                sum += Int128.Min(price.BaseUnits, Ppm.MaxAmount);
                count++;
            }
        }

        return count == 0 ? 0 : sum / count;
    }

    private static int ToPpm(decimal fraction)
    {
        var clamped = Math.Clamp(fraction, 0m, 1m);
        return (int)decimal.Truncate(clamped * Ppm.One);
    }

    private void AddInterest(InterestShown e)
    {
        var interests = Player(e.PlayerId).Interests;
        var interest = new PlayerInterest(e.ItemId, e.Collection, e.Dwell, e.At);
        var index = interests.Count;
        while (index > 0 && interests[index - 1].At > e.At)
        {
            index--;
        }

        interests.Insert(index, interest);
        var horizon = Watermark - _options.InterestRetention;
        var stale = 0;
        while (stale < interests.Count && interests[stale].At <= horizon)
        {
            stale++;
        }

        stale = Math.Max(stale, interests.Count - _options.MaxInterestsPerPlayer);
        if (stale > 0)
        {
            interests.RemoveRange(0, stale);
        }
    }

    private void AddSale(CollectionState market, SaleRecorded e)
    {
        var ticks = e.At.UtcTicks;
        var index = market.Sales.Count;
        while (index > 0 && market.Sales[index - 1].Ticks > ticks)
        {
            index--;
        }

        market.Sales.Insert(index, (ticks, e.Price));
        if (market.Sales.Count > _options.MaxSalesPerCollection)
        {
            market.Sales.RemoveAt(0);
        }
    }

    private PlayerState Player(string playerId)
    {
        if (!_players.TryGetValue(playerId, out var player))
        {
            player = new PlayerState();
            _players[playerId] = player;
        }

        return player;
    }

    private CollectionState Collection(string collection)
    {
        if (!_collections.TryGetValue(collection, out var state))
        {
            state = new CollectionState();
            _collections[collection] = state;
        }

        return state;
    }

    private CampaignState Campaign(string collection, string campaignId)
    {
        var campaigns = Collection(collection).Campaigns;
        if (!campaigns.TryGetValue(campaignId, out var campaign))
        {
            campaign = new CampaignState();
            campaigns[campaignId] = campaign;
        }

        return campaign;
    }
}
