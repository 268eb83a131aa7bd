using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commerce.Chain.Hex;
using Commerce.Pricing.Offers;
using Commerce.Pricing.Signing;
using Commerce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Host.Tests;

/// <summary>Placing orders against offered quotes through the HTTP API (docs/API.md, docs/ORDERS.md).</summary>
public sealed class OrderApiTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_offered_quote_places_an_order_that_reaches_reserved_and_is_pushed_and_the_quote_cannot_be_reused_under_another_key()
    {
        var (player, playerId, token) = await platform.SignInAsync();
        await using var pushes = await PushClient.ConnectAsync(platform.BaseUrl, token);
        var offered = await OfferedItemAsync(player, pushes, playerId, "dragons:6");
        var body = OrderBodies.FromOffer(offered, "eth");

        var response = await PostAsync(player, body, "key-1");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var orderId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString()!;
        Assert.Equal(offered.GetProperty("quote").GetProperty("nonce").GetString(), orderId);

        JsonElement order = default;
        await Eventually.Until(async () =>
        {
            var read = await player.GetAsync($"/api/me/orders/{orderId}");
            if (read.StatusCode != HttpStatusCode.OK)
                return false;
            order = await read.Content.ReadFromJsonAsync<JsonElement>();
            return order.GetProperty("status").GetString() == "reserved";
        }, Deadline, () => $"order {orderId} to be reserved; last seen: {(order.ValueKind == JsonValueKind.Undefined ? "none" : order.ToString())}");
        // The order's view (OrderView) shows the caller's own order without naming the caller again.
        Assert.False(order.TryGetProperty("playerId", out _));
        Assert.Equal("key-1", order.GetProperty("idempotencyKey").GetString());
        Assert.Equal(offered.GetProperty("itemId").GetString(), order.GetProperty("itemId").GetString());

        var item = await (await player.GetAsync($"/api/items/{offered.GetProperty("itemId").GetString()}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Reserved", item.GetProperty("status").GetString());
        Assert.Equal(orderId, item.GetProperty("reservation").GetProperty("orderId").GetString());

        await Eventually.Until(() => OrderPushes(pushes).Contains("reserved"), Deadline,
            () => $"OrderUpdated pushes placed and reserved; got [{string.Join(",", OrderPushes(pushes))}]");
        Assert.Equal(["placed", "reserved"], OrderPushes(pushes));

        var again = await PostAsync(player, body, "key-1");
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(orderId, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(player, body, "key-2")).StatusCode);

        var (other, _, _) = await platform.SignInAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/me/orders/{orderId}")).StatusCode);
    }

    [Fact]
    public async Task A_quote_with_an_altered_price_is_refused_naming_the_signature()
    {
        var (player, playerId, token) = await platform.SignInAsync();
        await using var pushes = await PushClient.ConnectAsync(platform.BaseUrl, token);
        var body = OrderBodies.FromOffer(await OfferedItemAsync(player, pushes, playerId, "dragons:7"), "eth");
        var quote = body["quote"]!;
        quote["price"] = (System.Numerics.BigInteger.Parse(quote["price"]!.GetValue<string>(), CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture);

        await AssertFieldErrorAsync(await PostAsync(player, body, "k"), HttpStatusCode.BadRequest, "signature");
    }

    [Fact]
    public async Task Someone_elses_quote_is_forbidden_naming_quote_buyer()
    {
        var (owner, ownerId, token) = await platform.SignInAsync();
        await using var pushes = await PushClient.ConnectAsync(platform.BaseUrl, token);
        var body = OrderBodies.FromOffer(await OfferedItemAsync(owner, pushes, ownerId, "dragons:8"), "eth");
        var (thief, _, _) = await platform.SignInAsync();

        await AssertFieldErrorAsync(await PostAsync(thief, body, "k"), HttpStatusCode.Forbidden, "quote.buyer");
    }

    [Fact]
    public async Task An_expired_quote_signed_by_the_platform_is_refused_naming_quote_expiry()
    {
        var signer = platform.Services.GetRequiredService<Eip712QuoteSigner>();
        var (player, playerId, _) = await platform.SignInAsync();
        var (quote, signature) = signer.Sign(new Quote("expired-" + Guid.NewGuid(), playerId, "dragons:9", "dragons", "ETH", 1_000_000,
            DateTimeOffset.UtcNow.AddMinutes(-1), "test"));
        var body = new JsonObject
        {
            ["itemId"] = "dragons:9",
            ["quote"] = new JsonObject
            {
                ["collection"] = quote.Collection.ToString(),
                ["tokenId"] = quote.TokenId.ToString(CultureInfo.InvariantCulture),
                ["buyer"] = quote.Buyer.ToString(),
                ["currency"] = quote.Currency.ToString(),
                ["price"] = quote.Price.ToString(CultureInfo.InvariantCulture),
                ["installments"] = (int)quote.Installments,
                ["expiry"] = (long)quote.Expiry,
                ["nonce"] = HexString.Encode(quote.Nonce),
            },
            ["signature"] = signature.Signature,
            ["paymentKind"] = "eth",
        };

        await AssertFieldErrorAsync(await PostAsync(player, body, "k"), HttpStatusCode.BadRequest, "quote.expiry");

        // The same quote, still valid, is accepted as far as the signature goes: the expiry was the only fault.
        var fresh = signer.Sign(new Quote("fresh-" + Guid.NewGuid(), playerId, "dragons:9", "dragons", "ETH", 1_000_000, DateTimeOffset.UtcNow.AddMinutes(5), "test"));
        body["quote"]!["expiry"] = (long)fresh.Quote.Expiry;
        body["quote"]!["nonce"] = HexString.Encode(fresh.Quote.Nonce);
        body["signature"] = fresh.Signature.Signature;
        body["paymentKind"] = "installments";
        await AssertFieldErrorAsync(await PostAsync(player, body, "k"), HttpStatusCode.BadRequest, "paymentKind");
    }

    [Fact]
    public async Task Missing_and_malformed_fields_are_named()
    {
        var (player, playerId, _) = await platform.SignInAsync();
        var body = new JsonObject
        {
            ["itemId"] = "dragons:1",
            ["quote"] = new JsonObject
            {
                ["collection"] = "0x0000000000000000000000000000000000000000",
                ["tokenId"] = "1",
                ["buyer"] = playerId,
                ["currency"] = "0x0000000000000000000000000000000000000000",
                ["price"] = "1000",
                ["installments"] = 1,
                ["expiry"] = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds(),
                ["nonce"] = "0x" + new string('1', 64),
            },
            ["signature"] = "0x" + new string('2', 130),
            ["paymentKind"] = "eth",
        };

        await AssertFieldErrorAsync(await PostAsync(player, body, null), HttpStatusCode.BadRequest, "Idempotency-Key");
        await AssertFieldErrorAsync(await PostAsync(player, body, new string('k', 129)), HttpStatusCode.BadRequest, "Idempotency-Key");
        await AssertFieldErrorAsync(await PostAsync(player, body, "k"), HttpStatusCode.BadRequest, "signature");
        foreach (var (field, bad) in new (string, JsonNode?)[] { ("nonce", "0x12"), ("price", "-5"), ("buyer", null), ("installments", 0), ("tokenId", "x") })
        {
            var broken = body.DeepClone();
            broken["quote"]![field] = bad;
            await AssertFieldErrorAsync(await PostAsync(player, broken, "k"), HttpStatusCode.BadRequest, $"quote.{field}");
        }
        var noKind = body.DeepClone();
        noKind["paymentKind"] = "cash";
        await AssertFieldErrorAsync(await PostAsync(player, noKind, "k"), HttpStatusCode.BadRequest, "paymentKind");
        var noItem = body.DeepClone();
        noItem.AsObject().Remove("itemId");
        await AssertFieldErrorAsync(await PostAsync(player, noItem, "k"), HttpStatusCode.BadRequest, "itemId");
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Http.PostAsJsonAsync("/api/me/orders", body)).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, JsonNode body, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/orders") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request);
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} naming {field}, got {(int)response.StatusCode}: {text}");
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"expected the errors to name {field}: {text}");
    }

    /// <summary>Shows interest in <paramref name="itemId"/> and returns an item of the offer pushed back (with its signed quote).</summary>
    private async Task<JsonElement> OfferedItemAsync(HttpClient player, PushClient pushes, string playerId, string itemId)
    {
        Assert.Equal(HttpStatusCode.Accepted, (await player.PostAsJsonAsync("/api/me/interests", new { itemId, dwellSeconds = 20 })).StatusCode);
        JsonElement? offer = null;
        await Eventually.Until(() =>
        {
            lock (pushes.Frames)
                offer = pushes.Frames.FirstOrDefault(f => f.GetProperty("type").GetString() == "OfferMade") is { ValueKind: JsonValueKind.Object } found ? found : null;
            return offer is not null;
        }, Deadline, () => $"a push of kind OfferMade to {playerId}");
        var items = offer!.Value.GetProperty("payload").GetProperty("items").EnumerateArray().ToList();
        return items.FirstOrDefault(i => i.GetProperty("itemId").GetString() == itemId) is { ValueKind: JsonValueKind.Object } wanted ? wanted : items[0];
    }

    private static List<string?> OrderPushes(PushClient pushes)
    {
        lock (pushes.Frames)
            return [.. pushes.Frames.Where(f => f.GetProperty("type").GetString() == "OrderUpdated").Select(f => f.GetProperty("payload").GetProperty("status").GetString())];
    }
}
