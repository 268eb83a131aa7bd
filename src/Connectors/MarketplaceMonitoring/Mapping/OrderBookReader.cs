using System.Text.Json;
using Commerce.Connectors.Ingestion;

namespace Commerce.Connectors.MarketplaceMonitoring.Mapping;

/// <summary>
/// Reads the order book endpoints: a collection offer (<c>GET /api/v2/offers/collection/{slug}</c>) becomes BidPlaced,
/// on the item its criteria name (<c>encoded_token_ids</c> of one token) or on <c>{collection}:*</c>, any item of the
/// collection; a best listing (<c>GET /api/v2/listings/collection/{slug}/best</c>) gives its price. Amounts are base
/// units with their decimals (<c>price.value</c>, <c>price.current.value</c>); a wrong field is refused by name.
/// </summary>
public static class OrderBookReader
{
    /// <summary>The item id suffix of an offer on any item of a collection.</summary>
    public const string AnyItem = "*";

    public static (IngestRecord? Record, string? Refused) ReadOffer(JsonElement offer, string marketplace, string collection, DateTimeOffset seenAt)
    {
        if (offer.ValueKind != JsonValueKind.Object)
            return (null, "offer: not an object");
        var orderHash = Text(offer, "order_hash");
        if (orderHash is null || orderHash.Length is < 4 or > 130)
            return (null, "order_hash: missing");
        if (!offer.TryGetProperty("price", out var price) || !TryAmount(price, out var amount, out var currency))
            return (null, "price: missing, or value not base units with their decimals");
        var tokenId = AnyItem;
        if (offer.TryGetProperty("criteria", out var criteria) && criteria.ValueKind == JsonValueKind.Object
            && Text(criteria, "encoded_token_ids") is { Length: > 0 } ids && ids != AnyItem && !ids.Contains(',') && !ids.Contains(':'))
        {
            if (!ids.All(char.IsAsciiDigit) || ids.Length > 78)
                return (null, "criteria.encoded_token_ids: not a token id");
            tokenId = ids;
        }
        return (MarketRecords.Offer(marketplace, collection, tokenId, orderHash, amount, currency, seenAt), null);
    }

    /// <summary>The price of a best listing, or the reason it cannot be read.</summary>
    public static (decimal Price, string Currency, string? Refused) ReadListing(JsonElement listing)
    {
        if (listing.ValueKind == JsonValueKind.Object && listing.TryGetProperty("price", out var price) && price.ValueKind == JsonValueKind.Object
            && price.TryGetProperty("current", out var current) && TryAmount(current, out var amount, out var currency))
            return (amount, currency, null);
        return (0, "", "price.current: missing, or value not base units with their decimals");
    }

    private static bool TryAmount(JsonElement price, out decimal amount, out string currency)
    {
        amount = 0;
        currency = "";
        if (price.ValueKind != JsonValueKind.Object || !price.TryGetProperty("decimals", out var d) || d.ValueKind != JsonValueKind.Number
            || !d.TryGetInt32(out var decimals) || !MarketAmounts.TryWhole(Text(price, "value"), decimals, out amount))
            return false;
        currency = MarketAmounts.Currency(Text(price, "currency"));
        return true;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
