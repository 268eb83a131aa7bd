using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commerce.Host.Auth;
using Commerce.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Commerce.Host.Tests;

/// <summary>Who may call what, and what a response shows (docs/SECURITY.md).</summary>
public sealed class AuthorizationTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    [Fact]
    public void An_endpoint_not_marked_public_needs_a_signed_in_caller()
    {
        var fallback = platform.Services.GetRequiredService<IOptions<AuthorizationOptions>>().Value.FallbackPolicy;

        Assert.NotNull(fallback);
        Assert.Contains(fallback.Requirements, r => r is DenyAnonymousAuthorizationRequirement);
    }

    [Fact]
    public void Only_health_openapi_sign_in_chain_info_the_dashboard_and_console_sign_in_pages_and_signed_webhooks_are_public()
    {
        var endpoints = platform.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText!.TrimEnd('/')).Distinct().Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(
            new[]
            {
                "/api/auth/challenge", "/api/auth/sign-in", "/api/chain", "/api/marketplaces/{marketplace}/webhooks",
                "/dashboard-login", "/health/live", "/health/ready", "/marketing/assets/{name}", "/marketing/sign-in", "/openapi/{documentName}.json",
            }.Order(StringComparer.Ordinal), anonymous);
    }

    [Fact]
    public async Task Marketing_lists_items_operators_read_state_and_neither_does_the_others_work()
    {
        using var marketing = platform.StaffClient(Roles.Marketing);
        using var @operator = platform.StaffClient(Roles.Operator);
        var listing = new { collection = "relics", tokenId = "31", rarity = "rare", edition = 1, supply = 1, listPrice = 1, currency = "ETH" };

        Assert.Equal(HttpStatusCode.Accepted, (await marketing.PostAsJsonAsync("/api/admin/items", listing)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await @operator.PostAsJsonAsync("/api/admin/items", listing)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await @operator.GetAsync("/api/admin/grains/nft-item/nope:3")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketing.GetAsync("/api/admin/grains/nft-item/nope:3")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketing.PostAsJsonAsync("/api/admin/tokens/revoke", new { tokenId = "x" })).StatusCode);
    }

    [Fact]
    public async Task An_item_shows_its_reservation_to_its_holder_only()
    {
        var (holder, holderId, _) = await platform.SignInAsync();
        var (other, _, _) = await platform.SignInAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/orders") { Content = JsonContent.Create(OrderBodies.Signed(platform.Services, holderId, "skins:5")) };
        request.Headers.Add("Idempotency-Key", "reserve");
        Assert.Equal(HttpStatusCode.Accepted, (await holder.SendAsync(request)).StatusCode);

        var seen = "";
        await Eventually.Until(async () =>
        {
            seen = await holder.GetStringAsync("/api/items/skins:5");
            return JsonNode.Parse(seen)?["reservation"] is JsonObject;
        }, TimeSpan.FromSeconds(60), () => $"the holder to see its reservation of skins:5; last seen {seen}");

        var shown = await other.GetStringAsync("/api/items/skins:5");
        var item = JsonDocument.Parse(shown).RootElement;
        Assert.Equal("Reserved", item.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("reservation").ValueKind);
        Assert.DoesNotContain(holderId, shown, StringComparison.OrdinalIgnoreCase);
    }
}
