using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Commerce.Host.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Host.Tests.Auth;

/// <summary>Player tokens are revocable like staff tokens: sign-out revokes the token it is called with, on every instance.</summary>
public sealed class SignOutTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task A_signed_out_players_token_gets_401_and_its_other_tokens_still_work()
    {
        var (client, playerId, token) = await platform.SignInAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        var other = platform.Services.GetRequiredService<TokenService>().Issue(playerId, Roles.Player);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/sign-out", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/auth/sign-out", null)).StatusCode);
        Assert.Null(await platform.Services.GetRequiredService<TokenService>().ValidateAsync(token));
        using var second = new HttpClient { BaseAddress = new Uri(platform.BaseUrl) };
        second.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", other.Token);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task An_operator_revokes_a_players_token_by_its_id()
    {
        var (client, playerId, _) = await platform.SignInAsync();
        var tokens = platform.Services.GetRequiredService<TokenService>();
        var issued = tokens.Issue(playerId, Roles.Player);
        using var player = new HttpClient { BaseAddress = new Uri(platform.BaseUrl) };
        player.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Token);
        Assert.Equal(HttpStatusCode.OK, (await player.GetAsync("/api/me")).StatusCode);

        using var operatorClient = new HttpClient { BaseAddress = new Uri(platform.BaseUrl) };
        operatorClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Issue("ops", Roles.Operator).Token);
        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.PostAsJsonAsync("/api/admin/tokens/revoke", new { tokenId = issued.TokenId })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await player.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
    }
}
