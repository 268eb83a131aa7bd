using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Commerce.Host.Tests;

/// <summary>Without a chain configured the chain endpoints say so with a 404 ProblemDetails.</summary>
public sealed class NoChainTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task Chain_info_and_the_faucet_are_404_problems_when_no_chain_is_configured()
    {
        var chain = await platform.Http.GetAsync("/api/chain");
        Assert.Equal(HttpStatusCode.NotFound, chain.StatusCode);
        Assert.Equal("application/problem+json", chain.Content.Headers.ContentType?.MediaType);

        var (player, _, _) = await platform.SignInAsync();
        var faucet = await player.PostAsync("/api/dev/faucet", null);
        Assert.Equal(HttpStatusCode.NotFound, faucet.StatusCode);
        Assert.Contains("dev chain", (await faucet.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Empty((await player.GetFromJsonAsync<JsonElement>("/api/me/nfts")).EnumerateArray());
    }
}
