using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commerce.Connectors.Tests.Support;
using Commerce.Connectors.Webhooks;
using Commerce.Events.Envelope;
using Commerce.Events.Items;

namespace Commerce.Connectors.Tests.Marketplaces;

[Collection(WebhookEndpointCollection.Name)]
public sealed class MarketplaceWebhookEndpointTests(WebhookEndpointFixture server)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_signed_item_listed_webhook_publishes_ItemListed_keyed_by_item_id()
    {
        var tokenId = Listings.NewTokenId();
        var id = WebhookId.New();
        var body = $$"""{"type":"item.listed","timestamp":"2026-01-19T00:13:51Z","item":{"collection":"dragons","tokenId":"{{tokenId}}","rarity":"rare","edition":2,"supply":10},"price":{"amount":"0.125","currency":"ETH"},"owner":"0xAbC0000000000000000000000000000000000dEf"}""";

        var response = await server.PostAsync("opensea", body, server.OpenSeaCurrent, id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(receipt.GetProperty("duplicate").GetBoolean());
        var eventId = receipt.GetProperty("eventId").GetGuid();

        var key = $"dragons:{tokenId}";
        var records = await server.Topic.ReadUntilAsync(key, r => r.Count >= 1, Deadline, $"the ItemListed for {key}");
        var envelope = Assert.Single(records);
        Assert.Equal(eventId, envelope.Id);
        Assert.Equal(key, envelope.Key);
        Assert.Equal(nameof(ItemListed), envelope.Type);
        Assert.Equal($"opensea/{id}", envelope.CorrelationId);
        Assert.Equal(DateTimeOffset.Parse("2026-01-19T00:13:51Z"), envelope.OccurredAt);
        Assert.Equal(new ItemListed(key, "dragons", tokenId, "rare", 2, 10, 0.125m, "ETH", "0xabc0000000000000000000000000000000000def"), envelope.Payload);
    }

    [Fact]
    public async Task A_marketplace_reporting_a_collection_it_is_not_configured_for_is_refused_and_may_retry()
    {
        var id = WebhookId.New();
        var body = Listings.Body(Listings.NewTokenId()).Replace("\"collection\":\"dragons\"", "\"collection\":\"skins\"", StringComparison.Ordinal);

        var first = await server.PostAsync("opensea", body, server.OpenSeaCurrent, id);
        var again = await server.PostAsync("opensea", body, server.OpenSeaCurrent, id);

        Assert.Equal(HttpStatusCode.Forbidden, first.StatusCode);
        var problem = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("item.collection", out _), problem.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode); // the id was released, not remembered as processed
    }

    [Fact]
    public async Task A_webhook_timestamp_from_the_future_is_taken_as_now()
    {
        var tokenId = Listings.NewTokenId();
        var body = Listings.Body(tokenId).Replace("{\"type\":\"item.listed\",", "{\"type\":\"item.listed\",\"timestamp\":\"2099-01-01T00:00:00Z\",", StringComparison.Ordinal);
        var before = DateTimeOffset.UtcNow;

        var response = await server.PostAsync("opensea", body, server.OpenSeaCurrent);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var envelope = Assert.Single(await server.Topic.ReadUntilAsync($"dragons:{tokenId}", r => r.Count >= 1, Deadline, "the listing published"));
        Assert.InRange(envelope.OccurredAt, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task Marketplaces_need_no_user_where_other_endpoints_do()
    {
        var guarded = await server.Http.PostAsync("/api/needs-a-user", null);
        var webhook = await server.PostAsync("opensea", Listings.Body(Listings.NewTokenId()), server.OpenSeaCurrent);

        Assert.Equal(HttpStatusCode.Unauthorized, guarded.StatusCode);
        Assert.Equal(HttpStatusCode.OK, webhook.StatusCode);
    }

    [Fact]
    public async Task The_body_is_verified_as_sent_not_as_reparsed()
    {
        var tokenId = Listings.NewTokenId();
        var pretty = JsonSerializer.Serialize(JsonDocument.Parse(Listings.Body(tokenId)).RootElement, new JsonSerializerOptions { WriteIndented = true }) + "\n";

        var response = await server.PostAsync("opensea", pretty, server.OpenSeaCurrent);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await server.Topic.ReadUntilAsync($"dragons:{tokenId}", r => r.Count >= 1, Deadline, "the pretty-printed listing published");
    }

    [Fact]
    public async Task A_webhook_signed_with_the_previous_secret_is_accepted_during_a_rotation()
    {
        var tokenId = Listings.NewTokenId();

        var response = await server.PostAsync("opensea", Listings.Body(tokenId), server.OpenSeaPrevious);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await server.Topic.ReadUntilAsync($"dragons:{tokenId}", r => r.Count >= 1, Deadline, "the listing signed with the previous secret");
    }

    [Fact]
    public async Task A_redelivered_webhook_id_is_answered_duplicate_and_not_published_again()
    {
        var tokenId = Listings.NewTokenId();
        var key = $"dragons:{tokenId}";
        var id = WebhookId.New();
        Assert.Equal(HttpStatusCode.OK, (await server.PostAsync("opensea", Listings.Body(tokenId), server.OpenSeaCurrent, id)).StatusCode);
        await server.Topic.ReadUntilAsync(key, r => r.Count >= 1, Deadline, "the first delivery published");
        var before = server.Topic.TotalRecords();

        // The marketplace's retry: same id and body, a new timestamp and signature.
        var retry = await server.PostAsync("opensea", Listings.Body(tokenId), server.OpenSeaCurrent, id, DateTimeOffset.UtcNow.AddSeconds(2));

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("""{"duplicate":true}""", await retry.Content.ReadAsStringAsync());
        Assert.Equal(before, server.Topic.TotalRecords());
        var marker = await server.PostAsync("opensea", Listings.Body(tokenId, rarity: "marker"), server.OpenSeaCurrent);
        Assert.Equal(HttpStatusCode.OK, marker.StatusCode);
        var records = await server.Topic.ReadUntilAsync(key, r => r.Any(e => ((ItemListed)e.Payload).Rarity == "marker"), Deadline, "the marker listing");
        Assert.Equal(["rare", "marker"], records.Select(e => ((ItemListed)e.Payload).Rarity));
    }

    [Fact]
    public async Task The_same_webhook_id_from_two_marketplaces_is_two_messages()
    {
        var id = WebhookId.New();
        var first = Listings.NewTokenId();
        var second = Listings.NewTokenId();

        var fromOpenSea = await server.PostAsync("opensea", Listings.Body(first), server.OpenSeaCurrent, id);
        var fromBlur = await server.PostAsync("blur", Listings.Body(second), server.Blur, id);

        Assert.Equal(HttpStatusCode.OK, fromOpenSea.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fromBlur.StatusCode);
        Assert.False((await fromBlur.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicate").GetBoolean());
        await server.Topic.ReadUntilAsync($"dragons:{second}", r => r.Count >= 1, Deadline, "blur's listing published");
    }

    [Fact]
    public async Task An_unknown_marketplace_is_404_and_nothing_is_published()
    {
        var before = server.Topic.TotalRecords();

        var response = await server.PostAsync("nosuchmarket", Listings.Body(Listings.NewTokenId()), server.OpenSeaCurrent);

        var problem = await AssertProblem(response, HttpStatusCode.NotFound);
        Assert.Contains("nosuchmarket", problem.GetProperty("detail").GetString());
        Assert.Equal(before, server.Topic.TotalRecords());
    }

    public static TheoryData<string, string, string> Forgeries => new()
    {
        { "no signature", "webhook-signature", "MissingSignature" },
        { "no id", "webhook-id", "MissingId" },
        { "no timestamp", "webhook-timestamp", "MissingTimestamp" },
        { "tampered body", "webhook-signature", "SignatureMismatch" },
        { "tampered id", "webhook-signature", "SignatureMismatch" },
        { "tampered timestamp", "webhook-signature", "SignatureMismatch" },
        { "another marketplace's secret", "webhook-signature", "SignatureMismatch" },
        { "a random secret", "webhook-signature", "SignatureMismatch" },
        { "ten minutes old", "webhook-timestamp", "TimestampTooOld" },
        { "ten minutes ahead", "webhook-timestamp", "TimestampTooNew" },
        { "two ids", "webhook-id", "InvalidId" },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_webhook_that_fails_verification_is_401_with_the_reason_and_nothing_is_published(string forgery, string header, string failure)
    {
        var tokenId = Listings.NewTokenId();
        var body = Listings.Body(tokenId);
        var before = server.Topic.TotalRecords();

        var response = forgery switch
        {
            "no signature" => await server.PostAsync("opensea", body, server.OpenSeaCurrent, tamper: r => r.Headers.Remove(WebhookHeaderNames.Signature)),
            "no id" => await server.PostAsync("opensea", body, server.OpenSeaCurrent, tamper: r => r.Headers.Remove(WebhookHeaderNames.Id)),
            "no timestamp" => await server.PostAsync("opensea", body, server.OpenSeaCurrent, tamper: r => r.Headers.Remove(WebhookHeaderNames.Timestamp)),
            "tampered body" => await server.PostAsync("opensea", body, server.OpenSeaCurrent,
                tamper: r => r.Content = new StringContent(Listings.Body(tokenId, amount: "0.0001"), System.Text.Encoding.UTF8, "application/json")),
            "tampered id" => await server.PostAsync("opensea", body, server.OpenSeaCurrent, tamper: r => Replace(r, WebhookHeaderNames.Id, WebhookId.New())),
            "tampered timestamp" => await server.PostAsync("opensea", body, server.OpenSeaCurrent,
                tamper: r => Replace(r, WebhookHeaderNames.Timestamp, (DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1).ToString())),
            "another marketplace's secret" => await server.PostAsync("opensea", body, server.Blur),
            "a random secret" => await server.PostAsync("opensea", body, WebhookSecret.Generate()),
            "ten minutes old" => await server.PostAsync("opensea", body, server.OpenSeaCurrent, at: DateTimeOffset.UtcNow.AddMinutes(-10)),
            "ten minutes ahead" => await server.PostAsync("opensea", body, server.OpenSeaCurrent, at: DateTimeOffset.UtcNow.AddMinutes(10)),
            "two ids" => await server.PostAsync("opensea", body, server.OpenSeaCurrent, tamper: r => r.Headers.TryAddWithoutValidation(WebhookHeaderNames.Id, "msg_other")),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };

        var problem = await AssertProblem(response, HttpStatusCode.Unauthorized);
        Assert.Equal(header, problem.GetProperty("header").GetString());
        Assert.Equal(failure, problem.GetProperty("failure").GetString());
        Assert.Contains(header, problem.GetProperty("detail").GetString());
        Assert.Equal(before, server.Topic.TotalRecords());
    }

    [Fact]
    public async Task A_stale_webhook_names_its_age_in_the_reason()
    {
        var response = await server.PostAsync("opensea", Listings.Body(Listings.NewTokenId()), server.OpenSeaCurrent, at: DateTimeOffset.UtcNow.AddMinutes(-6));

        var problem = await AssertProblem(response, HttpStatusCode.Unauthorized);
        Assert.Matches(@"is 3\d\d s old, more than the 300 s tolerated", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_bad_signature_is_refused_before_the_body_is_read_as_JSON()
    {
        var response = await server.PostAsync("opensea", "{not json", WebhookSecret.Generate());

        await AssertProblem(response, HttpStatusCode.Unauthorized);
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "{not json", "body", "is not valid JSON" },
        { "[1,2]", "body", "must be a JSON object" },
        { """{"type":"item.listed","type":"item.bid"}""", "body", "is not valid JSON" },
        { """{"item":{}}""", "type", "is required" },
        { """{"type":7}""", "type", "must be a string" },
        { """{"type":"item.burned","amount":"1"}""", "type", "unsupported type 'item.burned'" },
        { """{"type":"collection.floor_price"}""", "type", "unsupported type 'collection.floor_price'" },
        { """{"type":"item.listed","price":{"amount":"1","currency":"ETH"}}""", "item", "is required" },
        { """{"type":"item.listed","item":{"tokenId":"1","rarity":"rare","edition":1,"supply":1},"price":{"amount":"1","currency":"ETH"}}""", "item.collection", "is required" },
        { """{"type":"item.listed","item":{"collection":"Dragons!","tokenId":"1","rarity":"rare","edition":1,"supply":1},"price":{"amount":"1","currency":"ETH"}}""", "item.collection", "lowercase letters" },
        { """{"type":"item.listed","item":{"collection":"dragons","rarity":"rare","edition":1,"supply":1},"price":{"amount":"1","currency":"ETH"}}""", "item.tokenId", "is required" },
        { """{"type":"item.listed","item":{"collection":"dragons","tokenId":7,"rarity":"rare","edition":1,"supply":1},"price":{"amount":"1","currency":"ETH"}}""", "item.tokenId", "must be a string" },
        { """{"type":"item.listed","item":{"collection":"dragons","tokenId":"7","edition":1,"supply":1},"price":{"amount":"1","currency":"ETH"}}""", "item.rarity", "is required" },
        { """{"type":"item.listed","item":{"collection":"dragons","tokenId":"7","rarity":"rare","edition":1,"supply":0},"price":{"amount":"1","currency":"ETH"}}""", "item.supply", "at least 1" },
        { """{"type":"item.listed","item":{"collection":"dragons","tokenId":"7","rarity":"rare","edition":11,"supply":10},"price":{"amount":"1","currency":"ETH"}}""", "item.edition", "between 1 and item.supply" },
        { """{"type":"item.listed","item":{"collection":"dragons","tokenId":"7","rarity":"rare","edition":1.5,"supply":10},"price":{"amount":"1","currency":"ETH"}}""", "item.edition", "whole number" },
        { """{"type":"item.listed","item":{"collection":"dragons","tokenId":"7","rarity":"rare","edition":1,"supply":10}}""", "price", "is required" },
        { """{"type":"item.listed","item":{"collection":"dragons","tokenId":"7","rarity":"rare","edition":1,"supply":10},"price":{"amount":0.5,"currency":"ETH"}}""", "price.amount", "decimal string" },
        { """{"type":"item.listed","item":{"collection":"dragons","tokenId":"7","rarity":"rare","edition":1,"supply":10},"price":{"amount":"-1","currency":"ETH"}}""", "price.amount", "not a non-negative decimal" },
        { """{"type":"item.listed","item":{"collection":"dragons","tokenId":"7","rarity":"rare","edition":1,"supply":10},"price":{"amount":"1e3","currency":"ETH"}}""", "price.amount", "not a non-negative decimal" },
        { """{"type":"item.listed","item":{"collection":"dragons","tokenId":"7","rarity":"rare","edition":1,"supply":10},"price":{"amount":"0.1234567","currency":"USDC"}}""", "price.amount", "more than 6 decimals" },
        { """{"type":"item.listed","item":{"collection":"dragons","tokenId":"7","rarity":"rare","edition":1,"supply":10},"price":{"amount":"1","currency":"DOGE"}}""", "price.currency", "must be one of ETH, USDC" },
        { """{"type":"item.listed","item":{"collection":"dragons","tokenId":"7","rarity":"rare","edition":1,"supply":10},"price":{"amount":"1","currency":"ETH"},"owner":"0x12"}""", "owner", "Ethereum address" },
        { """{"type":"item.listed","timestamp":"yesterday","item":{"collection":"dragons","tokenId":"7","rarity":"rare","edition":1,"supply":10},"price":{"amount":"1","currency":"ETH"}}""", "timestamp", "RFC 3339" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_verified_but_invalid_body_is_400_naming_the_field_and_nothing_is_published(string body, string field, string message)
    {
        var before = server.Topic.TotalRecords();

        var response = await server.PostAsync("opensea", body, server.OpenSeaCurrent);

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"expected an error on '{field}', got {errors}");
        Assert.Contains(message, messages[0].GetString());
        Assert.StartsWith($"{field}: ", problem.GetProperty("detail").GetString());
        Assert.Equal(before, server.Topic.TotalRecords());
    }

    [Fact]
    public async Task A_refused_body_does_not_use_up_its_webhook_id()
    {
        var tokenId = Listings.NewTokenId();
        var id = WebhookId.New();
        var bad = await server.PostAsync("opensea", """{"type":"item.listed"}""", server.OpenSeaCurrent, id);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var fixedUp = await server.PostAsync("opensea", Listings.Body(tokenId), server.OpenSeaCurrent, id);

        Assert.Equal(HttpStatusCode.OK, fixedUp.StatusCode);
        Assert.False((await fixedUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicate").GetBoolean());
        await server.Topic.ReadUntilAsync($"dragons:{tokenId}", r => r.Count >= 1, Deadline, "the corrected listing published");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_naming_the_body()
    {
        var before = server.Topic.TotalRecords();
        var huge = Listings.Body(Listings.NewTokenId()).Replace("\"rare\"", "\"" + new string('r', WebhookEndpointFixture.MaxBodyBytes) + "\"");

        var response = await server.PostAsync("opensea", huge, server.OpenSeaCurrent);

        var problem = await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _), $"expected an error on 'body', got {problem}");
        Assert.Equal(before, server.Topic.TotalRecords());
    }

    private static void Replace(HttpRequestMessage request, string header, string value)
    {
        request.Headers.Remove(header);
        request.Headers.TryAddWithoutValidation(header, value);
    }

    private static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
