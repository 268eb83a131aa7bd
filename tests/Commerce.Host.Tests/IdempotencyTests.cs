using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commerce.Host.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Host.Tests;

/// <summary>The Idempotency-Key of order placement (docs/SECURITY.md, "Idempotency"): scoped to the player, bound to the body, stored.</summary>
public sealed class IdempotencyTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task The_same_key_and_body_replay_the_first_answer_from_the_database()
    {
        var (player, playerId, _) = await platform.SignInAsync();
        var body = SignedOrder(playerId, "dragons:2");

        var first = await PostAsync(player, body, "replay-1");
        var firstText = await first.Content.ReadAsStringAsync();
        var again = await PostAsync(player, body, "replay-1");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(first.StatusCode, again.StatusCode);
        Assert.Equal(firstText, await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.True(again.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Single() == "true",
            "the second answer should say it is a replay (Idempotent-Replayed: true)");
        Assert.Equal(1, await CountKeysAsync(playerId, "replay-1"));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_naming_the_key()
    {
        var (player, playerId, _) = await platform.SignInAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(player, SignedOrder(playerId, "dragons:3"), "reused")).StatusCode);

        var other = await PostAsync(player, SignedOrder(playerId, "dragons:4"), "reused");

        var text = await other.Content.ReadAsStringAsync();
        Assert.True(other.StatusCode == HttpStatusCode.UnprocessableEntity, $"expected 422, got {(int)other.StatusCode}: {text}");
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty("Idempotency-Key", out _), text);
    }

    [Fact]
    public async Task A_key_belongs_to_its_player()
    {
        var (alice, aliceId, _) = await platform.SignInAsync();
        var (bob, bobId, _) = await platform.SignInAsync();

        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(alice, SignedOrder(aliceId, "blades:2"), "shared-key")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(bob, SignedOrder(bobId, "blades:3"), "shared-key")).StatusCode);
    }

    [Fact]
    public async Task Keys_racing_for_one_quote_place_one_order_and_the_others_get_409()
    {
        var (player, playerId, _) = await platform.SignInAsync();
        var body = SignedOrder(playerId, "blades:4");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => PostAsync(player, body, $"race-{i}")));

        var statuses = answers.Select(a => a.StatusCode).ToArray();
        Assert.True(statuses.Count(s => s == HttpStatusCode.Accepted) == 1 && statuses.Count(s => s == HttpStatusCode.Conflict) == 7,
            $"expected one 202 and seven 409, got [{string.Join(", ", statuses.Select(s => (int)s))}]");
        var conflict = answers.First(a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("Idempotency-Key", JsonDocument.Parse(await conflict.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
    }

    private JsonObject SignedOrder(string playerId, string itemId) => OrderBodies.Signed(platform.Services, playerId, itemId);

    private async Task<long> CountKeysAsync(string playerId, string key)
    {
        await using var connection = await platform.Services.GetRequiredService<HostDatabase>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM idempotency_key WHERE player_id = '{playerId}' AND key = '{key}' AND status = 202";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, JsonNode body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/orders") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }
}
