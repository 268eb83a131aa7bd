using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;

namespace Commerce.Host.Tests;

/// <summary>
/// Rate limits (docs/SECURITY.md, "Rate limits") at their defaults. One test: the sign-in flood at its end uses up this
/// platform's loopback address for a minute, so nothing else may share the fixture.
/// </summary>
public sealed class RateLimitTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task Floods_of_orders_push_sockets_and_sign_ins_are_answered_429_with_retry_after()
    {
        var (alice, _, aliceToken) = await platform.SignInAsync();
        var (bob, _, _) = await platform.SignInAsync();

        // Orders: 30 a minute per player (each refused for its body here, which still counts), then 429 for that player only.
        for (var i = 0; i < 30; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await PostOrderAsync(alice)).StatusCode);
        await AssertTooManyAsync(await PostOrderAsync(alice), "orders");
        Assert.Equal(HttpStatusCode.BadRequest, (await PostOrderAsync(bob)).StatusCode);

        // Push sockets: at most 4 open per wallet.
        var open = new List<PushClient>();
        for (var i = 0; i < 4; i++)
            open.Add(await PushClient.ConnectAsync(platform.BaseUrl, aliceToken));
        using (var fifth = new ClientWebSocket())
        {
            fifth.Options.CollectHttpResponseDetails = true;
            fifth.Options.SetRequestHeader("Authorization", $"Bearer {aliceToken}");
            await Assert.ThrowsAsync<WebSocketException>(() => fifth.ConnectAsync(new Uri($"{platform.BaseUrl.Replace("http://", "ws://")}/api/push"), CancellationToken.None));
            Assert.Equal(HttpStatusCode.TooManyRequests, fifth.HttpStatusCode);
        }
        foreach (var client in open)
            await client.DisposeAsync();

        // Sign-in: 20 challenges a minute per wallet; another wallet is not held back by that.
        var wallet = new { address = "0x" + new string('b', 40) };
        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.OK, (await platform.Http.PostAsJsonAsync("/api/auth/challenge", wallet)).StatusCode);
        await AssertTooManyAsync(await platform.Http.PostAsJsonAsync("/api/auth/challenge", wallet), "sign-in");
        Assert.Equal(HttpStatusCode.OK, (await platform.Http.PostAsJsonAsync("/api/auth/challenge", new { address = "0x" + new string('c', 40) })).StatusCode);

        // And 60 sign-in requests a minute per IP (those above used 26).
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 61 && refused is null; i++)
        {
            var response = await platform.Http.PostAsJsonAsync("/api/auth/challenge", new { address = $"0x{i:x40}" });
            if (response.StatusCode != HttpStatusCode.OK)
                refused = response;
        }
        Assert.NotNull(refused);
        await AssertTooManyAsync(refused, "sign-in");
    }

    private static async Task<HttpResponseMessage> PostOrderAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/orders") { Content = JsonContent.Create(new { itemId = "" }) };
        request.Headers.Add("Idempotency-Key", "flood");
        return await client.SendAsync(request);
    }

    private static async Task AssertTooManyAsync(HttpResponseMessage response, string limit)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"expected 429 for {limit}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, $"expected a Retry-After in seconds, got {response.Headers.RetryAfter}");
        Assert.Equal(limit, JsonDocument.Parse(text).RootElement.GetProperty("limit").GetString());
    }
}
