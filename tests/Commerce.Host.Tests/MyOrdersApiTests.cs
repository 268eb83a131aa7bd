using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Commerce.Host.Tests;

/// <summary>GET /api/me/orders: the player's own orders, paged and filtered; bad paging names its parameter.</summary>
public sealed class MyOrdersApiTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task A_player_without_orders_gets_an_empty_last_page()
    {
        var (client, _, _) = await platform.SignInAsync();

        var page = await client.GetFromJsonAsync<JsonElement>("/api/me/orders?status=completed&limit=5");

        Assert.Empty(page.GetProperty("orders").EnumerateArray());
        Assert.Equal((0, JsonValueKind.Null), (page.GetProperty("total").GetInt32(), page.GetProperty("nextOffset").ValueKind));
    }

    [Theory]
    [InlineData("status=shipped", "status")]
    [InlineData("offset=-1", "offset")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=51", "limit")]
    public async Task Bad_paging_or_an_unknown_status_is_a_400_naming_it(string query, string field)
    {
        var (client, _, _) = await platform.SignInAsync();

        var response = await client.GetAsync($"/api/me/orders?{query}");

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {text}");
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"expected errors.{field} in {text}");
    }

    [Fact]
    public async Task Cancelling_an_order_that_is_not_the_players_is_a_404()
    {
        var (client, _, _) = await platform.SignInAsync();

        var response = await client.PostAsync($"/api/me/orders/0x{new string('1', 64)}/cancel", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Staff_cannot_list_orders_as_a_player()
    {
        var response = await platform.StaffClient(Commerce.Host.Auth.Roles.Operator).GetAsync("/api/me/orders");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
