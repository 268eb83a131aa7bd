using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Commerce.Events.Items;
using Commerce.Events.Topics;

namespace Commerce.Connectors.Marketplaces.Events;

/// <summary>
/// Reads a verified marketplace webhook body (the shapes are in the project README): "item.listed"
/// and "item.bid" (a bid on an item's auction); any other type is refused by name. Unknown extra fields are
/// ignored, duplicate fields are refused (two parsers must not read one signed body two ways).
/// </summary>
public static partial class MarketplaceEventParser
{
    public const string ItemListedType = "item.listed";
    public const string ItemBidType = "item.bid";

    public static IReadOnlyList<string> SupportedTypes { get; } = [ItemListedType, ItemBidType];

    private static readonly Dictionary<string, int> CurrencyDecimals = new(StringComparer.Ordinal) { ["ETH"] = 18, ["USDC"] = 6 };

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16, AllowDuplicateProperties = false };

    public static bool TryParse(ReadOnlyMemory<byte> body, [NotNullWhen(true)] out MarketplaceEvent? parsed, [NotNullWhen(false)] out MarketplaceEventError? error)
    {
        parsed = null;
        error = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException ex)
        {
            error = new MarketplaceEventError("body", $"is not valid JSON: {ex.Message}");
            return false;
        }
        using (document)
        {
            try
            {
                parsed = Parse(document.RootElement);
                return true;
            }
            catch (FieldException ex)
            {
                error = new MarketplaceEventError(ex.Field, ex.Message);
                return false;
            }
        }
    }

    private static MarketplaceEvent Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new FieldException("body", "must be a JSON object");
        var type = RequiredString(root, "type", "type");
        var occurredAt = OptionalTimestamp(root);
        return type switch
        {
            ItemListedType => ItemListed(root, occurredAt),
            ItemBidType => ItemBid(root, occurredAt),
            _ => throw new FieldException("type", $"unsupported type '{type}': supported types are {string.Join(", ", SupportedTypes)}"),
        };
    }

    private static MarketplaceEvent ItemListed(JsonElement root, DateTimeOffset? occurredAt)
    {
        var item = RequiredObject(root, "item", "item");
        var collection = RequiredSlug(item, "collection", "item.collection");
        var tokenId = RequiredSlug(item, "tokenId", "item.tokenId");
        var rarity = RequiredString(item, "rarity", "item.rarity");
        if (rarity.Length > 64)
            throw new FieldException("item.rarity", "must be at most 64 characters");
        var supply = RequiredInt(item, "supply", "item.supply");
        if (supply < 1)
            throw new FieldException("item.supply", "must be at least 1");
        var edition = RequiredInt(item, "edition", "item.edition");
        if (edition < 1 || edition > supply)
            throw new FieldException("item.edition", "must be between 1 and item.supply");

        var price = RequiredObject(root, "price", "price");
        var currency = RequiredString(price, "currency", "price.currency");
        if (!CurrencyDecimals.TryGetValue(currency, out var decimals))
            throw new FieldException("price.currency", $"must be one of {string.Join(", ", CurrencyDecimals.Keys)}");
        var amount = Amount(price, decimals, currency);
        var owner = OptionalAddress(root, "owner");

        var itemId = $"{collection}:{tokenId}";
        var listed = new ItemListed(itemId, collection, tokenId, rarity, edition, supply, amount, currency, owner);
        return new MarketplaceEvent(TopicCatalog.ItemEvents, itemId, listed, occurredAt);
    }

    /// <summary>A bid on an item's auction: it goes to the item (commerce.item-events), whose auction answers it as any bid.</summary>
    private static MarketplaceEvent ItemBid(JsonElement root, DateTimeOffset? occurredAt)
    {
        var item = RequiredObject(root, "item", "item");
        var itemId = $"{RequiredSlug(item, "collection", "item.collection")}:{RequiredSlug(item, "tokenId", "item.tokenId")}";
        var bidId = RequiredSlug(root, "bidId", "bidId");
        var bidder = OptionalAddress(root, "bidder") ?? throw new FieldException("bidder", "is required: the bidder's Ethereum address");
        var price = RequiredObject(root, "price", "price");
        var currency = RequiredString(price, "currency", "price.currency");
        if (!CurrencyDecimals.TryGetValue(currency, out var decimals))
            throw new FieldException("price.currency", $"must be one of {string.Join(", ", CurrencyDecimals.Keys)}");
        var amount = Amount(price, decimals, currency);
        if (amount <= 0)
            throw new FieldException("price.amount", "must be more than zero");
        var bid = new Commerce.Events.Auctions.BidSubmitted(itemId, $"marketplace:{bidId}", bidder, amount, currency, "marketplace");
        return new MarketplaceEvent(TopicCatalog.ItemEvents, itemId, bid, occurredAt);
    }

    private static decimal Amount(JsonElement price, int decimals, string currency)
    {
        const string field = "price.amount";
        if (!price.TryGetProperty("amount", out var value) || value.ValueKind == JsonValueKind.Null)
            throw new FieldException(field, "is required: a decimal string such as \"0.5\"");
        if (value.ValueKind != JsonValueKind.String)
            throw new FieldException(field, "must be a decimal string such as \"0.5\" (a string keeps every digit exact)");
        var text = value.GetString()!;
        if (!DecimalText().IsMatch(text) || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            throw new FieldException(field, $"'{text}' is not a non-negative decimal such as \"0.5\"");
        if (amount.Scale > decimals)
            throw new FieldException(field, $"has more than {decimals} decimals, the precision of {currency}");
        return amount;
    }

    private static DateTimeOffset? OptionalTimestamp(JsonElement root)
    {
        if (!root.TryGetProperty("timestamp", out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var at))
            return at.ToUniversalTime();
        throw new FieldException("timestamp", "must be an RFC 3339 date-time such as \"2026-01-19T00:13:51Z\"");
    }

    private static string? OptionalAddress(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.String || !Address().IsMatch(value.GetString()!))
            throw new FieldException(name, "must be an Ethereum address: 0x followed by 40 hex digits");
        return value.GetString()!.ToLowerInvariant();
    }

    private static JsonElement RequiredObject(JsonElement parent, string name, string field)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            throw new FieldException(field, "is required");
        if (value.ValueKind != JsonValueKind.Object)
            throw new FieldException(field, "must be an object");
        return value;
    }

    private static string RequiredString(JsonElement parent, string name, string field)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            throw new FieldException(field, "is required");
        if (value.ValueKind != JsonValueKind.String)
            throw new FieldException(field, "must be a string");
        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
            throw new FieldException(field, "must not be empty");
        return text;
    }

    private static string RequiredSlug(JsonElement parent, string name, string field)
    {
        var text = RequiredString(parent, name, field);
        if (!Slug().IsMatch(text))
            throw new FieldException(field, "must be lowercase letters, digits and dashes (at most 64)");
        return text;
    }

    private static int RequiredInt(JsonElement parent, string name, string field)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            throw new FieldException(field, "is required");
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
            throw new FieldException(field, "must be a whole number");
        return number;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex Slug();

    [GeneratedRegex("^0x[0-9a-fA-F]{40}$")]
    private static partial Regex Address();

    [GeneratedRegex(@"^[0-9]{1,28}(\.[0-9]{1,28})?$")]
    private static partial Regex DecimalText();

    private sealed class FieldException(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }
}
