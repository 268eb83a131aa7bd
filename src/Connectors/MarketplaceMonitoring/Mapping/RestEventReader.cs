using System.Text.Json;
using Commerce.Connectors.Ingestion;

namespace Commerce.Connectors.MarketplaceMonitoring.Mapping;

/// <summary>
/// Reads an event of the REST events API: a <c>sale</c> (SaleRecorded), an <c>order</c> of type item_offer
/// (BidPlaced); other events are nothing to the platform. A sale or offer with a missing or wrong field is refused
/// with the field's name.
/// </summary>
public static class RestEventReader
{
    public static (IngestRecord? Record, string? Refused, long? Timestamp) Read(JsonElement e, string marketplace, string collection)
    {
        if (e.ValueKind != JsonValueKind.Object)
            return (null, "event: not an object", null);
        var type = Text(e, "event_type");
        long? timestamp = e.TryGetProperty("event_timestamp", out var ts) && ts.ValueKind == JsonValueKind.Number && ts.TryGetInt64(out var seconds) ? seconds : null;
        var fact = type switch
        {
            "sale" => MarketFact.Sale,
            "order" when Text(e, "order_type") == "item_offer" => MarketFact.Offer,
            _ => (MarketFact?)null,
        };
        if (fact is null)
            return (null, null, timestamp);
        if (timestamp is null)
            return (null, "event_timestamp: missing or not unix seconds", null);
        var orderHash = Text(e, "order_hash");
        if (orderHash is null || orderHash.Length is < 4 or > 130)
            return (null, "order_hash: missing", timestamp);
        var nft = e.TryGetProperty(fact == MarketFact.Sale ? "nft" : "asset", out var n) && n.ValueKind == JsonValueKind.Object ? n : default;
        var tokenId = nft.ValueKind == JsonValueKind.Object ? Text(nft, "identifier") : null;
        if (tokenId is null || !tokenId.All(char.IsAsciiLetterOrDigit) || tokenId.Length > 78)
            return (null, $"{(fact == MarketFact.Sale ? "nft" : "asset")}.identifier: missing or not a token id", timestamp);
        if (!e.TryGetProperty("payment", out var payment) || payment.ValueKind != JsonValueKind.Object
            || !payment.TryGetProperty("decimals", out var d) || d.ValueKind != JsonValueKind.Number || !d.TryGetInt32(out var decimals)
            || !MarketAmounts.TryWhole(Text(payment, "quantity"), decimals, out var amount))
            return (null, "payment: missing, or quantity not base units with their decimals", timestamp);
        var currency = MarketAmounts.Currency(Text(payment, "symbol"));
        var at = DateTimeOffset.FromUnixTimeSeconds(timestamp.Value);
        var record = fact == MarketFact.Sale
            ? MarketRecords.Sale(marketplace, collection, tokenId, orderHash, amount, currency, at)
            : MarketRecords.Offer(marketplace, collection, tokenId, orderHash, amount, currency, at);
        return (record, null, timestamp);
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
