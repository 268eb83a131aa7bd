using System.Collections.Frozen;
using System.Globalization;
using Commerce.Events.Envelope;
using Commerce.Pricing.Amounts;
using Commerce.Pricing.Inputs;
using Commerce.Pricing.Policy;
using Campaigns = Commerce.Events.Campaigns;
using Items = Commerce.Events.Items;
using Market = Commerce.Events.Market;
using Player = Commerce.Events.Player;

namespace Commerce.Pricing.Live;

/// <summary>
/// Turns topic events into pricing inputs, on event time (the envelope's OccurredAt). Events the engine does not
/// read answer null; so do amounts in a currency the policy does not know or with more decimals than it has.
/// The catalog's "mythic" rarity (above legendary) prices as Legendary, the engine's highest.
/// Not thread-safe (it remembers each item's rarity from its listing).
/// </summary>
public sealed class EventInputMapper(PricingPolicy policy)
{
    private readonly Dictionary<string, Currency> _currencies = policy.Collections.Values
        .Select(c => c.Currency).DistinctBy(c => c.Code).ToDictionary(c => c.Code, StringComparer.Ordinal);
    private readonly Dictionary<string, Rarity> _rarities = new(StringComparer.Ordinal);

    /// <summary>The envelope types <see cref="Map"/> reads; the rest (offers, pushes, item interest...) map to nothing.</summary>
    private static readonly FrozenSet<string> ReadTypes = new[]
    {
        nameof(Player.InterestShown), nameof(Player.LoyaltyUpdated), nameof(Player.ChatIntentDetected), nameof(Items.ItemListed),
        nameof(Market.ItemSupplyChanged), nameof(Market.BidPlaced), nameof(Market.FloorPriceChanged), nameof(Market.SaleRecorded),
        nameof(Campaigns.CampaignStarted), nameof(Campaigns.CampaignEnded),
        nameof(Items.ItemSold), nameof(Items.ItemPaidFor), nameof(Items.ReservationReleased), nameof(Items.ItemDelisted),
        nameof(Items.ItemEdited),
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The holder a delisted item is kept off sale under (no order id looks like it).</summary>
    public const string DelistedHolder = "delisted";

    public long Ignored { get; private set; }

    /// <summary>False when an envelope of this type would map to nothing, so its record need not be deserialized.</summary>
    public static bool Reads(string envelopeType) => ReadTypes.Contains(envelopeType);

    public PricingInput? Map(EventEnvelope envelope)
    {
        var at = envelope.OccurredAt;
        PricingInput? input = envelope.Payload switch
        {
            Player.InterestShown e => new InterestShown(e.PlayerId, e.ItemId, CollectionOf(e.ItemId), Dwell(e.DwellSeconds), at),
            Player.LoyaltyUpdated e => new LoyaltyUpdated(e.PlayerId, Tier(e.Tier), e.LifetimeValue, at),
            Player.ChatIntentDetected e => new ChatIntentDetected(e.PlayerId, e.ItemId, Intent(e.Intent), Sentiment(e.Sentiment), at),
            Items.ItemListed e => Listed(e, at),
            Market.ItemSupplyChanged e => new ItemSupplyChanged(e.ItemId, e.Collection, e.Remaining, e.Total, RarityOf(e.ItemId), at),
            Market.BidPlaced e => MoneyOf(e.Amount, e.Currency) is { } bid ? new BidPlaced(e.ItemId, e.Collection, bid, at) : null,
            Market.FloorPriceChanged e => MoneyOf(e.Price, e.Currency) is { } floor ? new FloorPriceChanged(e.Collection, floor, at) : null,
            Market.SaleRecorded e => MoneyOf(e.Price, e.Currency) is { } sale ? new SaleRecorded(e.Collection, e.ItemId, sale, at) : null,
            Campaigns.CampaignStarted e => new CampaignStarted(e.CampaignId, e.Collection, e.Discount, e.From, e.Until, at),
            Campaigns.CampaignEnded e => new CampaignEnded(e.CampaignId, e.Collection, at),
            Items.ItemSold e => new ItemAvailabilityChanged(e.ItemId, e.OrderId, ItemAvailability.Sold, at),
            Items.ItemPaidFor e => new ItemAvailabilityChanged(e.ItemId, e.OrderId, ItemAvailability.Held, at),
            Items.ReservationReleased e => new ItemAvailabilityChanged(e.ItemId, e.OrderId, ItemAvailability.Released, at),
            // Delisted for good: held by no order, so no release ever puts it back on sale.
            Items.ItemDelisted e => new ItemAvailabilityChanged(e.ItemId, DelistedHolder, ItemAvailability.Held, at),
            // The list price is the catalog's own (pricing never used it); a new rarity reprices the item.
            Items.ItemEdited { Rarity: { } rarity } e => Edited(e.ItemId, rarity, at),
            _ => null,
        };
        if (input is null)
            Ignored++;
        return input;
    }

    public static Rarity ParseRarity(string? rarity) =>
        string.Equals(rarity, "mythic", StringComparison.OrdinalIgnoreCase) ? Rarity.Legendary
        : Enum.TryParse<Rarity>(rarity, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : Rarity.Common;

    private ItemSupplyChanged Listed(Items.ItemListed e, DateTimeOffset at)
    {
        var rarity = ParseRarity(e.Rarity);
        _rarities[e.ItemId] = rarity;
        return new ItemSupplyChanged(e.ItemId, e.Collection, e.Supply, e.Supply, rarity, at)
        {
            Traits = [$"rarity:{e.Rarity.ToLowerInvariant()}"],
        };
    }

    private ItemRarityChanged Edited(string itemId, string rarityText, DateTimeOffset at)
    {
        var rarity = ParseRarity(rarityText);
        _rarities[itemId] = rarity;
        return new ItemRarityChanged(itemId, rarity, at);
    }

    private Rarity RarityOf(string itemId) => _rarities.TryGetValue(itemId, out var rarity) ? rarity : Rarity.Common;

    private Money? MoneyOf(decimal amount, string currencyCode)
    {
        if (amount < 0 || !_currencies.TryGetValue(currencyCode, out var currency)
            || !currency.TryParse(amount.ToString(CultureInfo.InvariantCulture), out var units, out _))
            return null;
        return new Money(units, currency);
    }

    private static string CollectionOf(string itemId)
    {
        var colon = itemId.IndexOf(':');
        return colon < 0 ? itemId : itemId[..colon];
    }

    private static TimeSpan Dwell(double seconds) =>
        double.IsFinite(seconds) ? TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 86_400)) : TimeSpan.Zero;

    private static LoyaltyTier Tier(string tier) =>
        Enum.TryParse<LoyaltyTier>(tier, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : LoyaltyTier.None;

    private static ChatIntent Intent(string intent) =>
        Enum.TryParse<ChatIntent>(intent.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed)
        && Enum.IsDefined(parsed) ? parsed : ChatIntent.None;

    private static decimal Sentiment(double sentiment) =>
        double.IsFinite(sentiment) ? (decimal)Math.Clamp(sentiment, -1, 1) : 0m;
}
