using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Commerce.Events.Items;

namespace Commerce.Connectors.Marketplaces.Callbacks;

/// <summary>
/// The callback body a marketplace receives when one of our orders delivered an item (Standard Webhooks' suggested
/// shape: type, timestamp, data). Its webhook id is derived from the sale event and the marketplace, so every
/// delivery of the same sale to the same marketplace carries the same id, whichever instance sends it and however
/// often: the receiver's idempotency key.
/// </summary>
public sealed record SaleCallback(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp,
    [property: JsonPropertyName("data")] SaleCallbackData Data)
{
    public const string ItemSoldType = "item.sold";

    public static SaleCallback From(ItemSold sold, DateTimeOffset at)
    {
        var colon = sold.ItemId.LastIndexOf(':');
        var (collection, tokenId) = colon > 0 ? (sold.ItemId[..colon], sold.ItemId[(colon + 1)..]) : (sold.ItemId, "");
        return new SaleCallback(ItemSoldType, at, new SaleCallbackData(sold.ItemId, collection, tokenId, sold.OrderId, sold.Owner, sold.Minted));
    }

    /// <summary>"msg_" + 32 hex digits of SHA-256(event id | marketplace).</summary>
    public static string WebhookIdOf(Guid eventId, string marketplace) =>
        "msg_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{eventId:N}|{marketplace.ToLowerInvariant()}")).AsSpan(0, 16));

    public byte[] ToJsonBytes() => JsonSerializer.SerializeToUtf8Bytes(this, CallbackJsonContext.Default.SaleCallback);
}

/// <summary>What was delivered: the item (collection and token), the order, the new owner's wallet, and whether it was minted for the sale.</summary>
public sealed record SaleCallbackData(
    [property: JsonPropertyName("itemId")] string ItemId,
    [property: JsonPropertyName("collection")] string Collection,
    [property: JsonPropertyName("tokenId")] string TokenId,
    [property: JsonPropertyName("orderId")] string OrderId,
    [property: JsonPropertyName("owner")] string Owner,
    [property: JsonPropertyName("minted")] bool Minted);

[JsonSerializable(typeof(SaleCallback))]
internal sealed partial class CallbackJsonContext : JsonSerializerContext;
