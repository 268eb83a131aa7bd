using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commerce.Actors.Orders;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;
using Commerce.Events.Orders;
using Commerce.Host.Auth;

namespace Commerce.Host.Tests.Operators;

/// <summary>
/// POST /api/admin/orders/{orderId}/refund without a chain: who may ask, bad input naming its field, unknown orders and
/// orders that are not refundable (each a ProblemDetails naming orderId). The refund itself: <see cref="OrderRefundChainTests"/>.
/// </summary>
public sealed class OrderRefundApiTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    [Theory]
    [InlineData(Roles.Marketing)]
    [InlineData(null)]
    public async Task Only_operators_refund(string? role)
    {
        var client = role is null ? (await platform.SignInAsync()).Client : platform.StaffClient(role);

        var response = await client.PostAsJsonAsync($"/api/admin/orders/{NewOrderId()}/refund", new { reason = "a player asks" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("0x12", "{\"reason\":\"x\"}", "orderId")]
    [InlineData(null, "{}", "reason")]
    [InlineData(null, "{\"reason\":\"   \"}", "reason")]
    public async Task Bad_input_is_a_400_naming_its_field(string? orderId, string body, string field)
    {
        var response = await platform.StaffClient(Roles.Operator).PostAsync($"/api/admin/orders/{orderId ?? NewOrderId()}/refund",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {text}");
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"expected errors.{field} in {text}");
    }

    [Fact]
    public async Task A_reason_longer_than_500_characters_is_refused() =>
        await AssertFieldAsync(await platform.StaffClient(Roles.Operator).PostAsJsonAsync($"/api/admin/orders/{NewOrderId()}/refund",
            new { reason = new string('x', 501) }), "reason");

    [Fact]
    public async Task An_unknown_order_is_a_404()
    {
        var response = await platform.StaffClient(Roles.Operator).PostAsJsonAsync($"/api/admin/orders/{NewOrderId()}/refund", new { reason = "compensation" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(OrderStatus.Reserved, "completed purchase")]
    [InlineData(OrderStatus.Refunded, "already refunded")]
    [InlineData(OrderStatus.Cancelled, "completed purchase")]
    public async Task An_order_that_is_not_refundable_is_a_409_naming_orderId_and_its_state(string status, string why)
    {
        var orderId = NewOrderId();
        await SeedAsync(orderId, status);

        var response = await platform.StaffClient(Roles.Operator).PostAsJsonAsync($"/api/admin/orders/{orderId}/refund", new { reason = "compensation" });

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"expected 409, got {(int)response.StatusCode}: {text}");
        var problem = JsonDocument.Parse(text).RootElement;
        var error = Assert.Single(problem.GetProperty("errors").GetProperty("orderId").EnumerateArray()).GetString()!;
        Assert.Contains(why, error);
        Assert.Contains($"state {status}", error);
        Assert.Equal(status, problem.GetProperty("orderStatus").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_refund()
    {
        var document = await platform.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var post = document.GetProperty("paths").GetProperty("/api/admin/orders/{orderId}/refund").GetProperty("post");
        Assert.All(new[] { "202", "400", "404", "409" }, code => Assert.True(post.GetProperty("responses").TryGetProperty(code, out _), $"expected a {code} response"));
    }

    private static async Task AssertFieldAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {text}");
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"expected errors.{field} in {text}");
    }

    private static string NewOrderId() => "0x" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");

    private Task SeedAsync(string orderId, string status)
    {
        var player = $"0x{Guid.NewGuid():N}{Guid.NewGuid():N}"[..42];
        var quote = new OrderQuote("dragons", "1", player, "0x0000000000000000000000000000000000000000", "1000", 1, 0, orderId);
        var state = OrderState.New(orderId) with
        {
            PlayerId = player, Wallet = player, ItemId = "dragons:1", Quote = quote, PaymentKind = "eth", Status = status,
            Terminal = OrderStatus.IsTerminal(status), PlacedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, TotalPaid = "1000",
        };
        return platform.Store.WriteGrainAsync(new GrainWrite(OrderGrain.TypeName, orderId, 0,
            JsonSerializer.Serialize(state, GrainJsonContext.Default.OrderState), null, [], [], [], 0), CancellationToken.None);
    }
}
