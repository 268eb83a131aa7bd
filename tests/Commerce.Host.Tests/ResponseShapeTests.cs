using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commerce.Actors.Orders;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;
using Commerce.Events.Orders;
using Commerce.Host.Auth;
using Commerce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Host.Tests;

/// <summary>
/// Responses are the API's own records, not grain states (docs/SECURITY.md, "What responses show"): exactly the documented
/// fields, nothing of another player, nothing the platform keeps for itself (pricing inputs, its quote signature, how it
/// drives the executor), and the OpenAPI document describes them.
/// </summary>
public sealed class ResponseShapeTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static readonly string[] PlayerFields =
        ["playerId", "walletAddress", "loyaltyTier", "interestCount", "interests", "recentOffers", "orders", "bids", "pushSeq", "lastSeenAt"];

    private static readonly string[] OrderFields =
        ["orderId", "itemId", "status", "terminal", "paymentKind", "idempotencyKey", "quote", "reservedUntil", "totalPaid", "payments", "history", "plan", "placedAt", "updatedAt"];

    [Fact]
    public async Task A_players_session_shows_exactly_the_documented_fields_and_none_of_the_pricing_inputs()
    {
        var (alice, aliceId, _) = await platform.SignInAsync();
        await Eventually.Until(async () => (await alice.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("walletAddress").ValueKind == JsonValueKind.String,
            TimeSpan.FromSeconds(60), () => "the session to apply the sign-in's WalletLinked");
        await WriteAsync(PlayerSessionGrain.TypeName, aliceId, JsonSerializer.Serialize(PlayerSessionState.New(aliceId) with
        {
            WalletAddress = aliceId, LoyaltyTier = "gold", LifetimeValue = 98_765m,
            ChatIntents = [new ChatIntent("dragons:1", "negotiate", -0.8, DateTimeOffset.UnixEpoch)],
            Orders = [new OrderSummary("0xo1", "dragons:1", OrderStatus.Reserved, DateTimeOffset.UnixEpoch)],
        }, GrainJsonContext.Default.PlayerSessionState));

        var me = await alice.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(PlayerFields.Order(), me.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(("gold", "0xo1"), (me.GetProperty("loyaltyTier").GetString(), me.GetProperty("orders")[0].GetProperty("orderId").GetString()));
        Assert.DoesNotContain("98765", me.GetRawText());
        Assert.DoesNotContain("negotiate", me.GetRawText());

        // Another player reads neither this session nor its orders; an operator reads the session in the same shape.
        var (bob, _, _) = await platform.SignInAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.GetAsync($"/api/players/{aliceId}")).StatusCode);
        using var operatorClient = platform.StaffClient(Roles.Operator);
        var seen = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/players/{aliceId}");
        Assert.Equal(PlayerFields.Order(), seen.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task An_order_shows_its_buyer_exactly_the_documented_fields_and_another_player_nothing()
    {
        var (alice, aliceId, _) = await platform.SignInAsync();
        var orderId = $"0x{Guid.NewGuid():N}{Guid.NewGuid():N}";
        var order = OrderState.New(orderId) with
        {
            PlayerId = aliceId, Wallet = aliceId, ItemId = "dragons:1", Status = OrderStatus.PlanActive, PaymentKind = "installments",
            IdempotencyKey = "k1", Signature = "0xplatformsignature", DeliverFromCheckout = true, TotalPaid = "500",
            Quote = new OrderQuote("0x0000000000000000000000000000000000000001", "1", aliceId, "0x0000000000000000000000000000000000000000", "1000", 2, 1_900_000_000, orderId),
            Plan = new InstallmentPlan(2, 1, 1_900_000_000, 60, DefaultAttempts: 3, DefaultCommandId: "order:x:declare-default:secret-command"),
            History = [new OrderTransition("OrderPlaced", OrderStatus.None, OrderStatus.Placed, DateTimeOffset.UnixEpoch, null)],
        };
        await WriteAsync(OrderGrain.TypeName, orderId, JsonSerializer.Serialize(order, GrainJsonContext.Default.OrderState));

        var response = await alice.GetAsync($"/api/me/orders/{orderId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(OrderFields.Order(), seen.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(new[] { "installments", "paymentsMade", "nextDeadline", "intervalSeconds" }.Order(), seen.GetProperty("plan").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(("plan-active", "1000"), (seen.GetProperty("status").GetString(), seen.GetProperty("quote").GetProperty("price").GetString()));
        Assert.DoesNotContain("0xplatformsignature", seen.GetRawText());
        Assert.DoesNotContain("secret-command", seen.GetRawText());

        var (bob, _, _) = await platform.SignInAsync();
        var refused = await bob.GetAsync($"/api/me/orders/{orderId}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain(aliceId, await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_session_and_the_order_with_their_fields()
    {
        var document = await platform.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");

        Assert.Equal(PlayerFields.Order(), schemas.GetProperty("PlayerView").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(OrderFields.Order(), schemas.GetProperty("OrderView").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        var paths = document.GetProperty("paths");
        var me = paths.TryGetProperty("/api/me", out var exact) ? exact : paths.GetProperty("/api/me/");
        Assert.Contains("PlayerView", me.GetProperty("get").GetProperty("responses").GetProperty("200").GetRawText());
        Assert.Contains("OrderView", paths.GetProperty("/api/me/orders/{orderId}").GetProperty("get").GetProperty("responses").GetProperty("200").GetRawText());
    }

    /// <summary>Stores a grain's state as its grain would have (the grain reads it when it next activates).</summary>
    private async Task WriteAsync(string grainType, string key, string json)
    {
        var store = platform.Services.GetRequiredService<IGrainStore>();
        var stored = await store.LoadStateAsync(grainType, key, CancellationToken.None);
        await store.WriteGrainAsync(new GrainWrite(grainType, key, stored?.Version ?? 0, json, stored?.Origins, [], [], [], 0), CancellationToken.None);
    }
}
