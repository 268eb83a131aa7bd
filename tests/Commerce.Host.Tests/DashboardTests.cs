using System.Net;
using System.Net.Http.Headers;
using Commerce.Host.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Host.Tests;

/// <summary>The Orleans Dashboard is for operators: behind the admin role, opened through a session an admin token starts.</summary>
public sealed class DashboardTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task The_dashboard_is_refused_to_anonymous_callers_and_to_players()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(platform.BaseUrl) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/dashboard/")).StatusCode);

        var (player, _, token) = await platform.SignInAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await player.GetAsync("/dashboard/")).StatusCode);
        using var playerSession = new HttpRequestMessage(HttpMethod.Post, "/api/admin/dashboard-session");
        playerSession.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.SendAsync(playerSession)).StatusCode);
    }

    [Fact]
    public async Task An_admin_token_opens_a_dashboard_session_kept_in_a_cookie_for_the_dashboard_only()
    {
        var (token, _) = platform.Services.GetRequiredService<TokenService>().Issue("operator-test", Roles.Admin);
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(platform.BaseUrl) };
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard-login")).StatusCode);

        using var start = new HttpRequestMessage(HttpMethod.Post, "/api/admin/dashboard-session");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = await browser.SendAsync(start);
        Assert.Equal(HttpStatusCode.NoContent, started.StatusCode);
        var cookie = Assert.Single(started.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/dashboard", cookie, StringComparison.OrdinalIgnoreCase);

        var page = await browser.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // The cookie is no bearer token elsewhere: the admin API still wants the header.
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/admin/grains/nft-item/none:1")).StatusCode);
    }
}
