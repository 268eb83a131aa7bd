using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Commerce.Host.Auth;
using Commerce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Host.Tests;

/// <summary>Marketing lists items; operators read any grain's committed state.</summary>
public sealed class AdminApiTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task An_admin_lists_an_item_and_reads_its_grain_state()
    {
        using var admin = AdminClient();
        var response = await admin.PostAsJsonAsync("/api/admin/items",
            new { collection = "relics", tokenId = "9", rarity = "mythic", edition = 1, supply = 1, listPrice = 3.25m, currency = "ETH" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("/api/items/relics:9", response.Headers.Location?.OriginalString);

        JsonElement state = default;
        await Eventually.Until(async () =>
        {
            var read = await admin.GetAsync("/api/admin/grains/nft-item/relics:9");
            if (read.StatusCode != HttpStatusCode.OK) return false;
            state = await read.Content.ReadFromJsonAsync<JsonElement>();
            return true;
        }, TimeSpan.FromSeconds(60), () => "the listed item's grain to exist");
        Assert.Equal("mythic", state.GetProperty("rarity").GetString());
        Assert.Equal(3.25m, state.GetProperty("listPrice").GetDecimal());
        Assert.Equal("Available", state.GetProperty("status").GetString());

        var (player, _, _) = await platform.SignInAsync();
        Assert.Equal(HttpStatusCode.OK, (await player.GetAsync("/api/items/relics:9")).StatusCode);
    }

    [Fact]
    public async Task Listing_with_a_bad_field_names_it_and_an_unknown_grain_is_a_404()
    {
        using var admin = AdminClient();
        var bad = await admin.PostAsJsonAsync("/api/admin/items",
            new { collection = "relics", tokenId = "10", rarity = "rare", edition = 5, supply = 2, listPrice = 1, currency = "ETH" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("edition", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/admin/grains/nft-item/nope:1")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_admin_token_is_refused_at_once()
    {
        var issued = platform.Services.GetRequiredService<TokenService>().Issue("revoke-test", Roles.Admin);
        using var admin = new HttpClient { BaseAddress = new Uri(platform.BaseUrl) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/admin/grains/nft-item/nope:2")).StatusCode);

        using var other = AdminClient();
        Assert.Equal(HttpStatusCode.NoContent, (await other.PostAsJsonAsync("/api/admin/tokens/revoke", new { tokenId = issued.TokenId })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/api/admin/grains/nft-item/nope:2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/api/admin/grains/nft-item/nope:2")).StatusCode);
    }

    private HttpClient AdminClient()
    {
        var (token, _) = platform.Services.GetRequiredService<TokenService>().Issue("marketing-test", Roles.Admin);
        var client = new HttpClient { BaseAddress = new Uri(platform.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
