using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commerce.Actors.NftItem;
using Commerce.Events.Items;
using Commerce.Host.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Host.Tests.Operators;

/// <summary>
/// POST /api/admin/items/{itemId}/delist and PATCH /api/admin/items/{itemId}: operators only, audited, a delisted item is
/// "not listed" to players, an item held by an order is not delisted (409 naming itemId), bad input names its field.
/// </summary>
public sealed class ItemChangeApiTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    [Theory]
    [InlineData(Roles.Marketing)]
    [InlineData(null)]
    public async Task Only_operators_delist_or_edit(string? role)
    {
        var client = role is null ? (await platform.SignInAsync()).Client : platform.StaffClient(role);

        var delist = await client.PostAsJsonAsync("/api/admin/items/dragons:10/delist", new { reason = "why" });
        var edit = await client.PatchAsJsonAsync("/api/admin/items/dragons:10", new { listPrice = 1m });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (delist.StatusCode, edit.StatusCode));
    }

    [Fact]
    public async Task A_delisted_item_is_audited_and_not_listed_to_players()
    {
        var response = await platform.StaffClient(Roles.Operator).PostAsJsonAsync("/api/admin/items/dragons:8/delist", new { reason = "counterfeit art" });

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {text}");
        var item = JsonDocument.Parse(text).RootElement;
        Assert.Equal((false, true), (item.GetProperty("listed").GetBoolean(), item.GetProperty("delisted").GetBoolean()));
        var change = Assert.Single(item.GetProperty("changes").EnumerateArray());
        Assert.Equal(("operator-test", "delisted: counterfeit art"), (change.GetProperty("by").GetString(), change.GetProperty("what").GetString()));
        var (player, _, _) = await platform.SignInAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await player.PostAsJsonAsync("/api/me/interests", new { itemId = "dragons:8", dwellSeconds = 3 })).StatusCode);
    }

    [Fact]
    public async Task An_item_held_by_an_order_is_a_409_naming_the_order()
    {
        var item = platform.Services.GetRequiredService<IGrainFactory>().GetGrain<INftItemGrain>("dragons:7");
        await item.ReserveAsync(new ReservationRequested("dragons:7", "0xholder", "0xplayer", DateTimeOffset.UtcNow.AddHours(1)));

        var response = await platform.StaffClient(Roles.Operator).PostAsJsonAsync("/api/admin/items/dragons:7/delist", new { reason = "why" });

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"expected 409, got {(int)response.StatusCode}: {text}");
        Assert.Contains("held by order 0xholder", Assert.Single(JsonDocument.Parse(text).RootElement.GetProperty("errors").GetProperty("itemId").EnumerateArray()).GetString());
        Assert.True((await item.GetStateAsync()).Listed);
    }

    [Fact]
    public async Task An_edit_changes_the_list_price_and_rarity_and_is_audited()
    {
        var response = await platform.StaffClient(Roles.Operator).PatchAsJsonAsync("/api/admin/items/dragons:9", new { listPrice = 3.5m, rarity = "epic" });

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {text}");
        var item = JsonDocument.Parse(text).RootElement;
        Assert.Equal((3.5m, "epic", true), (item.GetProperty("listPrice").GetDecimal(), item.GetProperty("rarity").GetString(), item.GetProperty("listed").GetBoolean()));
        Assert.Contains("listPrice", Assert.Single(item.GetProperty("changes").EnumerateArray()).GetProperty("what").GetString());
    }

    [Fact]
    public async Task An_unknown_item_is_a_404()
    {
        var operators = platform.StaffClient(Roles.Operator);

        Assert.Equal(HttpStatusCode.NotFound, (await operators.PostAsJsonAsync("/api/admin/items/dragons:12345/delist", new { reason = "why" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operators.PatchAsJsonAsync("/api/admin/items/dragons:12345", new { listPrice = 1m })).StatusCode);
    }

    [Theory]
    [InlineData("POST", "Dragons:1", "{\"reason\":\"x\"}", "itemId")]
    [InlineData("POST", "dragons:1", "{}", "reason")]
    [InlineData("PATCH", "dragons:1", "{}", "listPrice")]
    [InlineData("PATCH", "dragons:1", "{\"listPrice\":-1}", "listPrice")]
    [InlineData("PATCH", "dragons:1", "{\"rarity\":\"Epic!\"}", "rarity")]
    public async Task Bad_input_is_a_400_naming_its_field(string method, string itemId, string body, string field)
    {
        var path = method == "POST" ? $"/api/admin/items/{itemId}/delist" : $"/api/admin/items/{itemId}";
        var response = await platform.StaffClient(Roles.Operator).SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        });

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {text}");
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"expected errors.{field} in {text}");
    }
}
