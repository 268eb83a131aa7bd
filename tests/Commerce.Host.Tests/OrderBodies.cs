using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Pricing.Offers;
using Commerce.Pricing.Signing;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Host.Tests;

/// <summary>The JSON bodies of <c>POST /api/me/orders</c> the tests send: from an offered item, or from a quote's fields.</summary>
internal static class OrderBodies
{
    /// <summary>The order body for an item of an <c>OfferMade</c> push, exactly as offered.</summary>
    public static JsonObject FromOffer(JsonElement offered, string paymentKind)
    {
        var q = offered.GetProperty("quote");
        return new JsonObject
        {
            ["itemId"] = offered.GetProperty("itemId").GetString(),
            ["quote"] = new JsonObject
            {
                ["collection"] = q.GetProperty("collectionContract").GetString(),
                ["tokenId"] = q.GetProperty("tokenId").GetString(),
                ["buyer"] = q.GetProperty("buyer").GetString(),
                ["currency"] = q.GetProperty("currencyToken").GetString(),
                ["price"] = q.GetProperty("price").GetString(),
                ["installments"] = q.GetProperty("installments").GetInt32(),
                ["expiry"] = q.GetProperty("expiry").GetInt64(),
                ["nonce"] = q.GetProperty("nonce").GetString(),
            },
            ["signature"] = q.GetProperty("signature").GetString(),
            ["paymentKind"] = paymentKind,
        };
    }

    /// <summary>An order body for <paramref name="itemId"/> with a fresh ETH quote signed by the platform's quote key.</summary>
    public static JsonObject Signed(IServiceProvider services, string playerId, string itemId)
    {
        var signer = services.GetRequiredService<Eip712QuoteSigner>();
        var (quote, signature) = signer.Sign(new Quote("test-" + Guid.NewGuid(), playerId, itemId, itemId.Split(':')[0], "ETH", 1_000_000,
            DateTimeOffset.UtcNow.AddMinutes(5), "test"));
        return new JsonObject
        {
            ["itemId"] = itemId,
            ["quote"] = Quote(quote.Collection, quote.TokenId, quote.Buyer, quote.Currency, quote.Price, quote.Installments, quote.Expiry, quote.Nonce),
            ["signature"] = signature.Signature,
            ["paymentKind"] = "eth",
        };
    }

    /// <summary>The <c>quote</c> object of the body (docs/QUOTE.md field names).</summary>
    public static JsonObject Quote(EthAddress collection, BigInteger tokenId, EthAddress buyer, EthAddress currency, BigInteger price,
        int installments, ulong expiry, byte[] nonce) => new()
    {
        ["collection"] = collection.ToString(),
        ["tokenId"] = tokenId.ToString(CultureInfo.InvariantCulture),
        ["buyer"] = buyer.ToString(),
        ["currency"] = currency.ToString(),
        ["price"] = price.ToString(CultureInfo.InvariantCulture),
        ["installments"] = installments,
        ["expiry"] = (long)expiry,
        ["nonce"] = HexString.Encode(nonce),
    };
}
