using System.Globalization;
using System.Text.Json;
using Commerce.Connectors.Ingestion;

namespace Commerce.Connectors.MarketplaceMonitoring.Mapping;

/// <summary>
/// Reads a stream message (Phoenix: { topic, event, payload: { event_type, payload: {...} } }): item_sold (SaleRecorded)
/// and item_received_offer / item_received_bid / collection_offer (BidPlaced; a collection offer on <c>{collection}:*</c>,
/// with the same id as the offers endpoint gives it); the rest is nothing to the platform.
/// </summary>
public static class StreamEventReader
{
    public static (IngestRecord? Record, string? Refused) Read(JsonElement message, string marketplace, IReadOnlyDictionary<string, string> collections)
    {
        var type = Text(message, "event");
        var fact = type switch
        {
            "item_sold" => MarketFact.Sale,
            "item_received_offer" or "item_received_bid" or "collection_offer" => MarketFact.Offer,
            _ => (MarketFact?)null,
        };
        if (fact is null)
            return (null, null);
        if (!message.TryGetProperty("payload", out var outer) || outer.ValueKind != JsonValueKind.Object
            || !outer.TryGetProperty("payload", out var p) || p.ValueKind != JsonValueKind.Object)
            return (null, "payload.payload: missing");
        var slug = p.TryGetProperty("collection", out var c) && c.ValueKind == JsonValueKind.Object ? Text(c, "slug") : null;
        if (slug is null || !collections.TryGetValue(slug, out var collection))
            return (null, slug is null ? "payload.collection.slug: missing" : null);
        var nftId = p.TryGetProperty("item", out var item) && item.ValueKind == JsonValueKind.Object ? Text(item, "nft_id") : null;
        var tokenId = type == "collection_offer" ? OrderBookReader.AnyItem : nftId?.Split('/').LastOrDefault();
        if (tokenId is null || tokenId.Length == 0 || (tokenId != OrderBookReader.AnyItem && !tokenId.All(char.IsAsciiLetterOrDigit)))
            return (null, "payload.item.nft_id: missing or not chain/contract/token");
        var orderHash = Text(p, "order_hash");
        if (orderHash is null)
            return (null, "payload.order_hash: missing");
        var token = p.TryGetProperty("payment_token", out var t) && t.ValueKind == JsonValueKind.Object ? t : default;
        var decimals = token.ValueKind == JsonValueKind.Object && token.TryGetProperty("decimals", out var d) && d.TryGetInt32(out var n) ? n : -1;
        if (!MarketAmounts.TryWhole(Text(p, fact == MarketFact.Sale ? "sale_price" : "base_price"), decimals, out var amount))
            return (null, $"payload.{(fact == MarketFact.Sale ? "sale_price" : "base_price")}: missing, or not base units of payment_token.decimals");
        if (!DateTimeOffset.TryParse(Text(p, "event_timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return (null, "payload.event_timestamp: missing or not a date-time");
        var currency = MarketAmounts.Currency(token.ValueKind == JsonValueKind.Object ? Text(token, "symbol") : null);
        var record = fact == MarketFact.Sale
            ? MarketRecords.Sale(marketplace, collection, tokenId, orderHash, amount, currency, at)
            : MarketRecords.Offer(marketplace, collection, tokenId, orderHash, amount, currency, at);
        return (record, null);
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
