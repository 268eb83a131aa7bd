using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commerce.Actors.Orders;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;
using Commerce.Events.Orders;
using Commerce.Host.Auth;

namespace Commerce.Host.Tests.Operators;

/// <summary>GET /api/admin/orders: operators search the stored orders by player, status, item and time, paged; bad input names its field.</summary>
public sealed class OrderSearchApiTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static readonly DateTimeOffset Day = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Filters_combine_and_following_next_visits_every_match_once()
    {
        // A collection of this test's own, so the fixture's other orders never match.
        var player = $"0x{Guid.NewGuid():N}{Guid.NewGuid():N}"[..42];
        var other = $"0x{Guid.NewGuid():N}{Guid.NewGuid():N}"[..42];
        var collection = $"search-{Guid.NewGuid():N}"[..20];
        for (var i = 0; i < 7; i++)
            await SeedAsync($"0x{collection}{i:x2}", player, $"{collection}:{i % 2}", i < 5 ? OrderStatus.Completed : OrderStatus.Refunded, Day.AddHours(i));
        await SeedAsync($"0x{collection}ff", other, $"{collection}:0", OrderStatus.Completed, Day);
        var operators = platform.StaffClient(Roles.Operator);

        var ids = new List<string>();
        string? after = null;
        do
        {
            var page = await operators.GetFromJsonAsync<JsonElement>(
                $"/api/admin/orders?player={player}&status=completed&limit=2" + (after is null ? "" : $"&after={after}"));
            ids.AddRange(page.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("orderId").GetString()!));
            after = page.GetProperty("next").GetString();
        }
        while (after is not null);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"0x{collection}{i:x2}"), ids);

        var byItemAndTime = await operators.GetFromJsonAsync<JsonElement>(
            $"/api/admin/orders?item={collection}:0&from={Day.AddHours(1):O}&to={Day.AddHours(5):O}".Replace("+", "%2B", StringComparison.Ordinal));
        Assert.Equal(new[] { $"0x{collection}02", $"0x{collection}04" },
            byItemAndTime.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("orderId").GetString()!));
        Assert.All(byItemAndTime.GetProperty("orders").EnumerateArray(), o => Assert.Equal(player, o.GetProperty("playerId").GetString()));
    }

    [Theory]
    [InlineData("player=0x12", "player")]
    [InlineData("status=shipped", "status")]
    [InlineData("item=Dragons", "item")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-01-01", "to")]
    [InlineData("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    public async Task A_bad_filter_is_a_400_naming_it(string query, string field)
    {
        var response = await platform.StaffClient(Roles.Operator).GetAsync($"/api/admin/orders?{query}");

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {text}");
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"expected errors.{field} in {text}");
    }

    [Theory]
    [InlineData(Roles.Marketing)]
    [InlineData(null)]
    public async Task Only_operators_search_orders(string? role)
    {
        var client = role is null ? (await platform.SignInAsync()).Client : platform.StaffClient(role);

        var response = await client.GetAsync("/api/admin/orders");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private Task SeedAsync(string orderId, string player, string itemId, string status, DateTimeOffset placedAt)
    {
        var quote = new OrderQuote(itemId.Split(':')[0], "1", player, "0x0000000000000000000000000000000000000000", "1000", 1, 0, orderId);
        var state = OrderState.New(orderId) with
        {
            PlayerId = player, Wallet = player, ItemId = itemId, Quote = quote, PaymentKind = "eth", Status = status,
            Terminal = true, PlacedAt = placedAt, UpdatedAt = placedAt, TotalPaid = "1000",
        };
        return platform.Store.WriteGrainAsync(new GrainWrite(OrderGrain.TypeName, orderId, 0,
            JsonSerializer.Serialize(state, GrainJsonContext.Default.OrderState), null, [], [], [], 0), CancellationToken.None);
    }
}
