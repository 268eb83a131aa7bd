using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commerce.Testing;

namespace Commerce.Host.Tests;

/// <summary>
/// GET /api/me/orders over real orders: placed through POST /api/me/orders, one cancelled through the cancel endpoint;
/// the listing pages them newest change first and filters by status, and shows nobody else's.
/// </summary>
public sealed class MyOrdersListingTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Orders_placed_through_the_api_are_listed_newest_first_paged_and_filtered_by_status()
    {
        await SeedCatalog.WaitUntilListedAsync(platform.Services, "blades:10", Deadline);
        var (player, playerId, _) = await platform.SignInAsync();
        var placed = new List<string>();
        foreach (var itemId in new[] { "blades:8", "blades:9", "blades:10" })
        {
            var orderId = await PlaceAsync(player, OrderBodies.Signed(platform.Services, playerId, itemId), "list-" + itemId);
            placed.Add(orderId);
            // each order reserved before the next is placed, so their last changes come in this order
            await UntilListedAsync(player, "status=reserved&limit=50", page => Ids(page).Contains(orderId), $"order {orderId} ({itemId}) listed as reserved");
        }

        var first = await UntilListedAsync(player, "limit=2", page => page.GetProperty("total").GetInt32() == 3, "three orders listed");
        Assert.Equal([placed[2], placed[1]], Ids(first));
        Assert.Equal(2, first.GetProperty("nextOffset").GetInt32());
        var second = await player.GetFromJsonAsync<JsonElement>("/api/me/orders?limit=2&offset=2");
        Assert.Equal([placed[0]], Ids(second));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextOffset").ValueKind);

        // cancelling the oldest makes it the newest change, and the only cancelled one
        Assert.Equal(HttpStatusCode.OK, (await player.PostAsync($"/api/me/orders/{placed[0]}/cancel", null)).StatusCode);
        var cancelled = await UntilListedAsync(player, "status=cancelled", page => Ids(page).Contains(placed[0]), $"order {placed[0]} listed as cancelled");
        Assert.Equal([placed[0]], Ids(cancelled));
        Assert.Equal(1, cancelled.GetProperty("total").GetInt32());
        var all = await player.GetFromJsonAsync<JsonElement>("/api/me/orders");
        Assert.Equal([placed[0], placed[2], placed[1]], Ids(all));
        var reserved = await player.GetFromJsonAsync<JsonElement>("/api/me/orders?status=reserved");
        Assert.Equal([placed[2], placed[1]], Ids(reserved));
        Assert.All(all.GetProperty("orders").EnumerateArray(), o => Assert.StartsWith("blades:", o.GetProperty("itemId").GetString()));
        var times = all.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("updatedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);

        var (other, _, _) = await platform.SignInAsync();
        var theirs = await other.GetFromJsonAsync<JsonElement>("/api/me/orders");
        Assert.Equal(0, theirs.GetProperty("total").GetInt32());
    }

    private static async Task<string> PlaceAsync(HttpClient player, JsonObject body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/orders") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        var response = await player.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected the order to be accepted, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("orderId").GetString()!;
    }

    private static async Task<JsonElement> UntilListedAsync(HttpClient player, string query, Func<JsonElement, bool> done, string expected)
    {
        JsonElement page = default;
        await Eventually.Until(async () =>
        {
            page = await player.GetFromJsonAsync<JsonElement>($"/api/me/orders?{query}");
            return done(page);
        }, Deadline, () => $"{expected}; last page: {page}");
        return page;
    }

    private static List<string?> Ids(JsonElement page) =>
        [.. page.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("orderId").GetString())];
}
