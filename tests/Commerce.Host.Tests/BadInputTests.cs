using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Commerce.Events.Topics;
using Confluent.Kafka;

namespace Commerce.Host.Tests;

/// <summary>Bad requests get a 4xx ProblemDetails naming what is wrong, and nothing reaches Kafka or the database.</summary>
public sealed class BadInputTests(QuietPlatformFixture platform) : IClassFixture<QuietPlatformFixture>
{
    [Fact]
    public async Task Malformed_json_is_a_400_naming_the_body()
    {
        var (client, playerId, _) = await platform.SignInAsync();
        var before = PlayerEventsEnd();
        var response = await client.PostAsync("/api/me/interests", new StringContent("{\"itemId\": ", Encoding.UTF8, "application/json"));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "body");
        await AssertNothingWrittenAsync(before, playerId);
    }

    [Fact]
    public async Task An_unknown_item_is_a_404()
    {
        var (client, playerId, _) = await platform.SignInAsync();
        var before = PlayerEventsEnd();
        var response = await client.PostAsJsonAsync("/api/me/interests", new { itemId = "dragons:999", dwellSeconds = 1 });
        await AssertProblemAsync(response, HttpStatusCode.NotFound, null);
        await AssertNothingWrittenAsync(before, playerId);
    }

    [Theory]
    [InlineData("""{"dwellSeconds": 1}""", "itemId")]
    [InlineData("""{"itemId": "no-colon", "dwellSeconds": 1}""", "itemId")]
    [InlineData("""{"itemId": "dragons:1", "dwellSeconds": -3}""", "dwellSeconds")]
    [InlineData("""{"itemId": "dragons:1", "dwellSeconds": 99999}""", "dwellSeconds")]
    public async Task An_invalid_field_is_a_400_naming_that_field(string body, string field)
    {
        var (client, playerId, _) = await platform.SignInAsync();
        var before = PlayerEventsEnd();
        var response = await client.PostAsync("/api/me/interests", new StringContent(body, Encoding.UTF8, "application/json"));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        await AssertNothingWrittenAsync(before, playerId);
    }

    [Fact]
    public async Task An_oversized_body_is_a_413()
    {
        var (client, playerId, _) = await platform.SignInAsync();
        var before = PlayerEventsEnd();
        var huge = $$"""{"itemId": "dragons:1", "pad": "{{new string('x', (int)CommerceApp.MaxRequestBodyBytes + 10)}}"}""";
        var response = await client.PostAsync("/api/me/interests", new StringContent(huge, Encoding.UTF8, "application/json"));
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body");
        await AssertNothingWrittenAsync(before, playerId);
    }

    [Fact]
    public async Task A_missing_or_forged_token_is_a_401()
    {
        var before = PlayerEventsEnd();
        var anonymous = await platform.Http.PostAsJsonAsync("/api/me/interests", new { itemId = "dragons:1" });
        await AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized, null);

        using var forged = new HttpClient { BaseAddress = new Uri(platform.BaseUrl) };
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIweDEiLCJyb2xlIjoiYWRtaW4ifQ.c2lnbmF0dXJl");
        await AssertProblemAsync(await forged.PostAsJsonAsync("/api/me/interests", new { itemId = "dragons:1" }), HttpStatusCode.Unauthorized, null);
        Assert.Equal(before, PlayerEventsEnd());
    }

    [Fact]
    public async Task A_player_cannot_read_another_player_or_use_admin_endpoints()
    {
        var (alice, _, _) = await platform.SignInAsync();
        var (_, bobId, _) = await platform.SignInAsync();
        await AssertProblemAsync(await alice.GetAsync($"/api/players/{bobId}"), HttpStatusCode.Forbidden, null);
        await AssertProblemAsync(await alice.PostAsJsonAsync("/api/admin/items",
            new { collection = "dragons", tokenId = "77", rarity = "rare", edition = 1, supply = 1, listPrice = 1, currency = "ETH" }), HttpStatusCode.Forbidden, null);
    }

    [Fact]
    public async Task A_sign_in_with_a_signature_by_another_wallet_or_a_reused_challenge_is_refused()
    {
        var victim = Commerce.Chain.Crypto.EthPrivateKey.Generate();
        var attacker = Commerce.Chain.Crypto.EthPrivateKey.Generate();
        var challenge = await (await platform.Http.PostAsJsonAsync("/api/auth/challenge", new { address = victim.Address.ToString() })).Content.ReadFromJsonAsync<JsonElement>();
        var message = challenge.GetProperty("message").GetString()!;

        var forged = await platform.Http.PostAsJsonAsync("/api/auth/sign-in", new { message, signature = Commerce.Chain.Signing.PersonalMessage.Sign(attacker, message) });
        await AssertProblemAsync(forged, HttpStatusCode.BadRequest, "signature");

        var genuine = new { message, signature = Commerce.Chain.Signing.PersonalMessage.Sign(victim, message) };
        Assert.Equal(HttpStatusCode.OK, (await platform.Http.PostAsJsonAsync("/api/auth/sign-in", genuine)).StatusCode);
        await AssertProblemAsync(await platform.Http.PostAsJsonAsync("/api/auth/sign-in", genuine), HttpStatusCode.BadRequest, "message.nonce");

        var tampered = new { message = message.Replace("Chain ID: 31337", "Chain ID: 1"), signature = Commerce.Chain.Signing.PersonalMessage.Sign(victim, message) };
        await AssertProblemAsync(await platform.Http.PostAsJsonAsync("/api/auth/sign-in", tampered), HttpStatusCode.BadRequest, "message.chainId");
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        if (field is not null)
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"expected errors.{field} in {text}");
    }

    private long PlayerEventsEnd()
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = platform.KafkaBootstrap, GroupId = "watermarks" }).Build();
        return Enumerable.Range(0, TopicCatalog.PlayerEvents.Partitions)
            .Sum(p => consumer.QueryWatermarkOffsets(new TopicPartition(TopicCatalog.PlayerEvents.Name, p), TimeSpan.FromSeconds(10)).High.Value);
    }

    private async Task AssertNothingWrittenAsync(long playerEventsBefore, string playerId)
    {
        // Sign-in itself publishes WalletLinked before the request under test; nothing after it may.
        Assert.Equal(playerEventsBefore, PlayerEventsEnd());
        var state = await platform.Store.LoadStateAsync("player-session", playerId, default);
        Assert.True(state is null || JsonDocument.Parse(state.Json).RootElement.GetProperty("interestCount").GetInt64() == 0,
            $"expected no interest recorded for {playerId}, state: {state?.Json}");
    }
}
