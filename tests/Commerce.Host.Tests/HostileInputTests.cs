using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commerce.Chain.Crypto;
using Commerce.Chain.Signing;
using Commerce.Events.Topics;
using Commerce.Host.Auth;
using Commerce.Host.Storage;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Host.Tests;

/// <summary>
/// Hostile input on every endpoint a caller can reach with a body (docs/SECURITY.md, "Hostile input"): a 4xx
/// ProblemDetails naming the field, and nothing written (the topics' end offsets and the host's rows unchanged).
/// </summary>
public sealed class HostileInputTests(QuietPlatformFixture platform) : IClassFixture<QuietPlatformFixture>
{
    private static readonly TopicDefinition[] Topics = [TopicCatalog.PlayerEvents, TopicCatalog.OrderEvents, TopicCatalog.ItemEvents];

    [Fact]
    public async Task Malformed_mistyped_huge_negative_unknown_and_replayed_input_is_refused_naming_the_field_and_writes_nothing()
    {
        var wallet = EthPrivateKey.Generate();
        var (player, playerId, _) = await platform.SignInAsync(wallet);
        using var marketing = platform.StaffClient(Roles.Marketing);
        var order = OrderBodies.Signed(platform.Services, playerId, "blades:7");
        var oversized = $$"""{"address": "{{new string('a', (int)CommerceApp.MaxRequestBodyBytes + 10)}}"}""";
        var cases = new (HttpClient Client, string Path, string Body, HttpStatusCode Status, string Field)[]
        {
            (platform.Http, "/api/auth/challenge", """{"address": """, HttpStatusCode.BadRequest, "body"),
            (platform.Http, "/api/auth/challenge", """{"address": 5}""", HttpStatusCode.BadRequest, "address"),
            (platform.Http, "/api/auth/challenge", """{"address": "0x00000000000000000000000000000000000000aa", "role": "admin"}""", HttpStatusCode.BadRequest, "role"),
            (platform.Http, "/api/auth/challenge", oversized, HttpStatusCode.RequestEntityTooLarge, "body"),
            (platform.Http, "/api/auth/sign-in", """{"message": ["x"], "signature": "0x"}""", HttpStatusCode.BadRequest, "message"),
            (platform.Http, "/api/auth/sign-in", """{"message": "x", "signature": "0x", "playerId": "0x1"}""", HttpStatusCode.BadRequest, "playerId"),
            (player, "/api/me/interests", """{"itemId": 7, "dwellSeconds": 1}""", HttpStatusCode.BadRequest, "itemId"),
            (player, "/api/me/interests", """{"itemId": "dragons:1", "dwellSeconds": 1e400}""", HttpStatusCode.BadRequest, "dwellSeconds"),
            (player, "/api/me/interests", """{"itemId": "dragons:1", "dwellSeconds": -1}""", HttpStatusCode.BadRequest, "dwellSeconds"),
            (player, "/api/me/interests", """{"itemId": "dragons:1", "dwellSeconds": 1, "source": "x"}""", HttpStatusCode.BadRequest, "source"),
            (player, "/api/me/orders", With(order, q => q["installments"] = "two"), HttpStatusCode.BadRequest, "quote.installments"),
            (player, "/api/me/orders", With(order, q => q["installments"] = 99_999_999_999), HttpStatusCode.BadRequest, "quote.installments"),
            (player, "/api/me/orders", With(order, q => q["expiry"] = JsonValue.Create(1e30)), HttpStatusCode.BadRequest, "quote.expiry"),
            (player, "/api/me/orders", With(order, q => q["price"] = "-5"), HttpStatusCode.BadRequest, "quote.price"),
            (player, "/api/me/orders", With(order, q => q["price"] = new string('9', 90)), HttpStatusCode.BadRequest, "quote.price"),
            (player, "/api/me/orders", With(order, q => q["discount"] = "100"), HttpStatusCode.BadRequest, "quote.discount"),
            // The platform's signature of this quote replayed on another quote (a new nonce: another order).
            (player, "/api/me/orders", With(order, q => q["nonce"] = "0x" + new string('7', 64)), HttpStatusCode.BadRequest, "signature"),
            (player, "/api/me/quotes/installments", """{"quote": null, "signature": "0x", "installments": "x"}""", HttpStatusCode.BadRequest, "installments"),
            (player, "/api/me/quotes/installments", """{"quote": null, "signature": "0x", "installments": 3, "price": "1"}""", HttpStatusCode.BadRequest, "price"),
            (marketing, "/api/admin/items", Listing("listPrice", -1), HttpStatusCode.BadRequest, "listPrice"),
            (marketing, "/api/admin/items", Listing("listPrice", 1e40), HttpStatusCode.BadRequest, "listPrice"),
            (marketing, "/api/admin/items", Listing("edition", 1e12), HttpStatusCode.BadRequest, "edition"),
            (marketing, "/api/admin/items", Listing("owner", "0xabc"), HttpStatusCode.BadRequest, "owner"),
        };

        foreach (var (client, path, body, status, field) in cases)
        {
            var before = await WrittenAsync();
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", "hostile-" + Guid.NewGuid().ToString("N"));
            var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var what = $"POST {path} {Shorten(body)}";

            Assert.True(response.StatusCode == status, $"{what}: expected {(int)status} naming {field}, got {(int)response.StatusCode}: {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(JsonDocument.Parse(text).RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _),
                $"{what}: expected errors.{field} in {text}");
            var after = await WrittenAsync();
            Assert.True(before == after, $"{what}: expected nothing written; before {before}, after {after}");
        }

        // A signed sign-in message replayed: the first use writes (its nonce), the replay nothing.
        var challenge = await (await platform.Http.PostAsJsonAsync("/api/auth/challenge", new { address = wallet.Address.ToString() })).Content.ReadFromJsonAsync<JsonElement>();
        var message = challenge.GetProperty("message").GetString()!;
        var signIn = new { message, signature = PersonalMessage.Sign(wallet, message) };
        Assert.Equal(HttpStatusCode.OK, (await platform.Http.PostAsJsonAsync("/api/auth/sign-in", signIn)).StatusCode);
        var afterFirst = await WrittenAsync();
        var replay = await platform.Http.PostAsJsonAsync("/api/auth/sign-in", signIn);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.True((await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("message.nonce", out _));
        Assert.Equal(afterFirst, await WrittenAsync());
    }

    private static string With(JsonObject order, Action<JsonObject> change)
    {
        var copy = order.DeepClone().AsObject();
        change(copy["quote"]!.AsObject());
        return copy.ToJsonString();
    }

    private static string Listing(string field, object value)
    {
        var listing = new JsonObject { ["collection"] = "relics", ["tokenId"] = "90", ["rarity"] = "rare", ["edition"] = 1, ["supply"] = 1, ["listPrice"] = 1, ["currency"] = "ETH" };
        listing[field] = JsonValue.Create(value);
        return listing.ToJsonString();
    }

    private static string Shorten(string body) => body.Length <= 120 ? body : body[..120] + "...";

    /// <summary>What a request could have written: each topic's end offsets and the host's rows.</summary>
    private async Task<string> WrittenAsync()
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = platform.KafkaBootstrap, GroupId = "watermarks" }).Build();
        var offsets = Topics.Select(t => Enumerable.Range(0, t.Partitions)
            .Sum(p => consumer.QueryWatermarkOffsets(new TopicPartition(t.Name, p), TimeSpan.FromSeconds(10)).High.Value));
        await using var connection = await platform.Services.GetRequiredService<HostDatabase>().OpenAsync(CancellationToken.None);
        var rows = new List<long>();
        foreach (var table in new[] { "idempotency_key", "used_nonce", "revoked_token" })
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM {table}";
            rows.Add(Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
        }
        return $"offsets {string.Join(",", offsets)}; rows {string.Join(",", rows)}";
    }
}
