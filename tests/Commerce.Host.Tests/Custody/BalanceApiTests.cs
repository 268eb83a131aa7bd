using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commerce.Actors.Custody;
using Commerce.Actors.Serialization;
using Commerce.Events.Custody;
using Commerce.Events.Topics;
using Commerce.Messaging.Producing;
using Commerce.Payments.Deposits;
using Commerce.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Commerce.Host.Tests.Custody;

/// <summary>GET /api/me/balance and the custodial payment kind through the HTTP API (docs/ORDERS.md, "custodial").</summary>
public sealed class BalanceApiTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private const string Custody = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

    [Fact]
    public async Task A_player_without_deposits_has_a_zero_balance_and_is_told_where_to_top_up()
    {
        var (player, playerId, _) = await platform.SignInAsync();
        var balance = await (await player.GetAsync("/api/me/balance")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(playerId, balance.GetProperty("wallet").GetString());
        Assert.Equal("0", balance.GetProperty("balances").GetProperty("ETH").GetString());
        Assert.Equal("0", balance.GetProperty("held").GetProperty("ETH").GetString());
        Assert.Empty(balance.GetProperty("deposits").EnumerateArray());
        var deposits = platform.Services.GetRequiredService<IOptions<DepositWatcherOptions>>().Value;
        Assert.Equal(deposits.Enabled ? deposits.CustodyAddress.ToLowerInvariant() : null, balance.GetProperty("custody").GetString()?.ToLowerInvariant());
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Http.GetAsync("/api/me/balance")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_balance()
    {
        var response = await platform.Http.GetAsync("/openapi/v1.json");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the OpenAPI document: {(int)response.StatusCode} {text}");
        var ok = JsonDocument.Parse(text).RootElement.GetProperty("paths").GetProperty("/api/me/balance").GetProperty("get").GetProperty("responses").GetProperty("200");
        Assert.True(ok.GetProperty("content").TryGetProperty("application/json", out _), text);
    }

    [Fact]
    public async Task Confirmed_deposits_are_spendable_pending_ones_listed_and_a_hold_published_to_kafka_moves_nothing()
    {
        var (player, playerId, _) = await platform.SignInAsync();
        var producer = platform.Services.GetRequiredService<EventProducer>();
        var confirmedTx = "0x" + new string('a', 64);
        var pendingTx = "0x" + new string('b', 64);
        // Only order grains hold money, by a call: a hold request written to the topic by anyone else is not an input of
        // the custody account. It goes first, so once the deposits (same key, so same partition) are applied it was read.
        await producer.PublishAsync(TopicCatalog.CustodyEvents, playerId, new HoldRequested(playerId, "0x" + new string('c', 64), "ETH", "1200"));
        await producer.PublishAsync(TopicCatalog.CustodyEvents, playerId,
            DepositMac.Sign(new DepositObserved(playerId, Custody, "3000", confirmedTx, 10, "0x" + new string('1', 64), Confirmed: true, Reorged: false), PlatformFixture.DepositKey));
        await producer.PublishAsync(TopicCatalog.CustodyEvents, playerId,
            DepositMac.Sign(new DepositObserved(playerId, Custody, "500", pendingTx, 11, "0x" + new string('2', 64), Confirmed: false, Reorged: false), PlatformFixture.DepositKey));

        CustodyAccountState? account = null;
        await Eventually.Until(async () =>
        {
            var stored = await platform.Store.LoadStateAsync(CustodyAccountGrain.TypeName, playerId, CancellationToken.None);
            account = stored is null ? null : JsonSerializer.Deserialize(stored.Json, GrainJsonContext.Default.CustodyAccountState);
            return account is { Deposits.Count: 2 };
        }, Deadline, () => $"both deposits to be applied; saw {account?.Deposits.Count ?? 0}");
        Assert.Empty(account!.Holds);

        var balance = await (await player.GetAsync("/api/me/balance")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("0", balance.GetProperty("held").GetProperty("ETH").GetString());
        Assert.Equal("3000", balance.GetProperty("balances").GetProperty("ETH").GetString());
        var deposits = balance.GetProperty("deposits").EnumerateArray()
            .Select(d => (d.GetProperty("txHash").GetString(), d.GetProperty("amount").GetString(), d.GetProperty("confirmed").GetBoolean())).ToList();
        Assert.Equal([(pendingTx, "500", false), (confirmedTx, "3000", true)], deposits);
    }

    [Fact]
    public async Task A_custodial_order_the_balance_does_not_cover_is_cancelled_and_the_item_freed()
    {
        var (player, playerId, token) = await platform.SignInAsync();
        await using var pushes = await PushClient.ConnectAsync(platform.BaseUrl, token);
        Assert.Equal(HttpStatusCode.Accepted, (await player.PostAsJsonAsync("/api/me/interests", new { itemId = "dragons:3", dwellSeconds = 20 })).StatusCode);
        JsonElement? offer = null;
        await Eventually.Until(() =>
        {
            lock (pushes.Frames)
                offer = pushes.Frames.FirstOrDefault(f => f.GetProperty("type").GetString() == "OfferMade") is { ValueKind: JsonValueKind.Object } found ? found : null;
            return offer is not null;
        }, Deadline, () => $"an offer pushed to {playerId}");
        var offered = offer!.Value.GetProperty("payload").GetProperty("items").EnumerateArray()
            .First(i => i.GetProperty("quote").GetProperty("currencyToken").GetString() == "0x0000000000000000000000000000000000000000");
        var body = OrderBodies.FromOffer(offered, "custodial");

        var response = await PostAsync(player, body, "custodial-1");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var orderId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString()!;
        JsonElement order = default;
        await Eventually.Until(async () =>
        {
            var read = await player.GetAsync($"/api/me/orders/{orderId}");
            if (read.StatusCode != HttpStatusCode.OK)
                return false;   // not yet placed
            order = await read.Content.ReadFromJsonAsync<JsonElement>();
            return order.GetProperty("status").GetString() == "cancelled";
        }, Deadline, () => $"order {orderId} cancelled for want of balance; got {order}");
        Assert.Equal("custodial", order.GetProperty("paymentKind").GetString());
        Assert.Contains(order.GetProperty("history").EnumerateArray(),
            h => h.GetProperty("to").GetString() == "cancelled" && h.GetProperty("detail").GetString()!.StartsWith("insufficient balance", StringComparison.Ordinal));
        var itemId = offered.GetProperty("itemId").GetString();
        await Eventually.Until(async () =>
        {
            var item = await (await player.GetAsync($"/api/items/{itemId}")).Content.ReadFromJsonAsync<JsonElement>();
            return item.GetProperty("status").GetString() == "Available";
        }, Deadline, () => $"item {itemId} available again");
    }

    [Theory]
    [InlineData("0x00000000000000000000000000000000000000cc", 1)]
    [InlineData("0x0000000000000000000000000000000000000000", 4)]
    public async Task Custodial_pays_in_full_in_eth_only(string currency, int installments)
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
                ["currency"] = currency,
                ["price"] = "1000",
                ["installments"] = installments,
                ["expiry"] = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds(),
                ["nonce"] = "0x" + new string('1', 64),
            },
            ["signature"] = "0x" + new string('2', 130),
            ["paymentKind"] = "custodial",
        };
        var response = await PostAsync(player, body, "k");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400 naming paymentKind, got {(int)response.StatusCode}: {text}");
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty("paymentKind", out _), text);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, JsonNode body, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/orders") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request);
    }
}
