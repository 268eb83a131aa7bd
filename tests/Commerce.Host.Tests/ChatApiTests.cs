using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Commerce.Conversation.Catalog;
using Commerce.Events.Envelope;
using Commerce.Events.Player;
using Commerce.Events.Topics;
using Commerce.Testing;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Host.Tests;

/// <summary>
/// <c>POST /api/me/chat</c> on the embedded platform: answers grounded in the item's grain and the caller's own offers,
/// every turn published as ChatIntentDetected, bad input refused with nothing published.
/// </summary>
public sealed class ChatApiTests(QuietPlatformFixture platform) : IClassFixture<QuietPlatformFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_price_question_answers_the_price_offered_to_the_caller_and_never_another_players()
    {
        var (alice, aliceId, aliceToken) = await platform.SignInAsync();
        var (bob, _, _) = await platform.SignInAsync();
        await using var pushes = await PushClient.ConnectAsync(platform.BaseUrl, aliceToken);
        Assert.Equal(HttpStatusCode.Accepted, (await alice.PostAsJsonAsync("/api/me/interests", new { itemId = "dragons:5", dwellSeconds = 20 })).StatusCode);
        var offered = await OfferedPriceAsync(pushes, aliceId, "dragons:5");

        var aliceReply = await AskAsync(alice, new { text = "how much is this?", itemId = "dragons:5" });
        Assert.Equal("ask_price", aliceReply.GetProperty("intent").GetString());
        Assert.Equal(offered, aliceReply.GetProperty("yourPrice").GetProperty("price").GetString());
        Assert.Contains(offered, aliceReply.GetProperty("answer").GetString());

        var bobReply = await AskAsync(bob, new { text = "how much is this?", itemId = "dragons:5" });
        Assert.Equal(JsonValueKind.Null, bobReply.GetProperty("yourPrice").ValueKind);
        Assert.DoesNotContain(offered, bobReply.GetRawText());
        Assert.Contains("No price has been offered to you", bobReply.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task A_rarity_question_naming_an_item_answers_from_its_grain()
    {
        await WaitForVocabularyAsync();
        var (player, _, _) = await platform.SignInAsync();
        var reply = await AskAsync(player, new { text = "how rare is dragons:1?" });
        Assert.Equal("ask_rarity", reply.GetProperty("intent").GetString());
        Assert.Equal("dragons:1", reply.GetProperty("itemId").GetString());
        var item = reply.GetProperty("item");
        Assert.Equal("legendary", item.GetProperty("rarity").GetString());
        Assert.Equal(1, item.GetProperty("supply").GetInt32());
        Assert.Contains("legendary item, edition 1 of a supply of 1", reply.GetProperty("answer").GetString());
        var entity = reply.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("category").GetString() == "Item");
        Assert.Equal("dragons:1", entity.GetProperty("key").GetString());
        Assert.Equal("how rare is ".Length, entity.GetProperty("offset").GetInt32());
    }

    [Fact]
    public async Task Every_turn_is_published_as_ChatIntentDetected_keyed_by_the_player()
    {
        var (player, playerId, _) = await platform.SignInAsync();
        using var tail = new PlayerEventsTail(platform.KafkaBootstrap);
        var reply = await AskAsync(player, new { text = "can you go lower? that's too expensive", itemId = "blades:4" });
        Assert.Equal("negotiate", reply.GetProperty("intent").GetString());
        var eventId = reply.GetProperty("eventId").GetGuid();

        var envelope = await tail.WaitForAsync(eventId, Deadline);
        Assert.Equal(playerId, envelope.Key);
        var detected = Assert.IsType<ChatIntentDetected>(envelope.Payload);
        Assert.Equal(("negotiate", "blades:4"), (detected.Intent, detected.ItemId));
        Assert.Equal(reply.GetProperty("confidence").GetDouble(), detected.Confidence);
        Assert.True(detected.Sentiment < 0, $"'too expensive' should read as negative, got {detected.Sentiment}");
        Assert.InRange(detected.Confidence, 0.2, 1);
    }

    [Fact]
    public async Task An_unlisted_item_named_in_the_text_is_said_to_be_unknown()
    {
        await WaitForVocabularyAsync();
        var (player, _, _) = await platform.SignInAsync();
        var reply = await AskAsync(player, new { text = "how much is dragons:999" });
        Assert.Equal("dragons:999", reply.GetProperty("unknownItem").GetString());
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("item").ValueKind);
        Assert.Contains("I don't know an item dragons:999", reply.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task An_unlisted_item_in_the_request_is_a_404_and_nothing_is_published()
    {
        var (player, playerId, _) = await platform.SignInAsync();
        var before = ChatTurnsOf(playerId);
        var response = await player.PostAsJsonAsync("/api/me/chat", new { text = "how much?", itemId = "dragons:999" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, ChatTurnsOf(playerId));
    }

    [Theory]
    [InlineData("""{"itemId": "dragons:1"}""", "text")]
    [InlineData("""{"text": "   "}""", "text")]
    [InlineData("""{"text": "hi\u0000there"}""", "text")]
    [InlineData("""{"text": "how much", "itemId": "no-colon"}""", "itemId")]
    [InlineData("""{"text": "how much", "itemId": ""}""", "itemId")]
    public async Task Bad_input_is_a_400_naming_the_field_and_nothing_is_published(string body, string field)
    {
        var (player, playerId, _) = await platform.SignInAsync();
        var before = ChatTurnsOf(playerId);
        var response = await player.PostAsync("/api/me/chat", new StringContent(body, Encoding.UTF8, "application/json"));
        await AssertFieldProblemAsync(response, field);
        Assert.Equal(before, ChatTurnsOf(playerId));
    }

    [Fact]
    public async Task A_question_longer_than_the_limit_is_a_400_naming_text_and_nothing_is_published()
    {
        var (player, playerId, _) = await platform.SignInAsync();
        var before = ChatTurnsOf(playerId);
        var response = await player.PostAsJsonAsync("/api/me/chat", new { text = new string('a', 501) });
        await AssertFieldProblemAsync(response, "text");
        Assert.Equal(before, ChatTurnsOf(playerId));
    }

    [Fact]
    public async Task A_retry_with_the_same_Idempotency_Key_gets_the_first_answer_and_publishes_nothing_more()
    {
        var (player, playerId, _) = await platform.SignInAsync();
        var body = new { text = "can you go lower?", itemId = "blades:4" };
        var first = await AskWithKeyAsync(player, "turn-1", body);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var firstText = await first.Content.ReadAsStringAsync();
        var afterFirst = ChatTurnsOf(playerId);
        Assert.Equal(1, afterFirst); // published before the first answer

        var retry = await AskWithKeyAsync(player, "turn-1", body);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(firstText, await retry.Content.ReadAsStringAsync());
        Assert.Equal(afterFirst, ChatTurnsOf(playerId));

        var fresh = await AskWithKeyAsync(player, "turn-2", body);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.NotEqual(JsonDocument.Parse(firstText).RootElement.GetProperty("eventId").GetGuid(),
            JsonDocument.Parse(await fresh.Content.ReadAsStringAsync()).RootElement.GetProperty("eventId").GetGuid());
    }

    [Fact]
    public async Task The_same_Idempotency_Key_with_another_question_is_a_422_naming_the_key_and_nothing_is_published()
    {
        var (player, playerId, _) = await platform.SignInAsync();
        Assert.Equal(HttpStatusCode.OK, (await AskWithKeyAsync(player, "turn-x", new { text = "how much is this?", itemId = "blades:4" })).StatusCode);
        var before = ChatTurnsOf(playerId);
        Assert.Equal(1, before);

        var response = await AskWithKeyAsync(player, "turn-x", new { text = "how rare is this?", itemId = "blades:4" });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"expected 422, got {(int)response.StatusCode}: {text}");
        using var problem = JsonDocument.Parse(text);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("Idempotency-Key", out _), $"expected errors.Idempotency-Key in {text}");
        Assert.Contains("turn-x", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(before, ChatTurnsOf(playerId));
    }

    [Fact]
    public async Task An_empty_Idempotency_Key_is_a_400_naming_it()
    {
        var (player, playerId, _) = await platform.SignInAsync();
        var before = ChatTurnsOf(playerId);
        await AssertFieldProblemAsync(await AskWithKeyAsync(player, "", new { text = "how much is this?", itemId = "blades:4" }), "Idempotency-Key");
        Assert.Equal(before, ChatTurnsOf(playerId));
    }

    [Fact]
    public async Task An_anonymous_question_is_a_401()
    {
        var response = await platform.Http.PostAsJsonAsync("/api/me/chat", new { text = "how much is dragons:1" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_chat_endpoint_and_its_problems()
    {
        var chat = (await platform.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths").GetProperty("/api/me/chat").GetProperty("post");
        Assert.True(chat.TryGetProperty("requestBody", out _), "POST /api/me/chat documents its body");
        foreach (var status in new[] { "200", "400", "401", "404", "409", "422", "429" })
            Assert.True(chat.GetProperty("responses").TryGetProperty(status, out _), $"POST /api/me/chat documents {status}");
    }

    private async Task WaitForVocabularyAsync()
    {
        var vocabulary = platform.Services.GetRequiredService<CatalogVocabulary>();
        await Eventually.Until(() => vocabulary.CollectionOf("dragons") is not null, Deadline, () => "the chat's catalog vocabulary to learn the dragons collection");
    }

    private static async Task<JsonElement> AskAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/me/chat", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200 from /api/me/chat, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Task<HttpResponseMessage> AskWithKeyAsync(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/chat") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<string> OfferedPriceAsync(PushClient pushes, string playerId, string itemId)
    {
        string? price = null;
        await Eventually.Until(() =>
        {
            lock (pushes.Frames)
            {
                price = pushes.Frames.Where(f => f.GetProperty("type").GetString() == "OfferMade")
                    .SelectMany(f => f.GetProperty("payload").GetProperty("items").EnumerateArray())
                    .Where(i => i.GetProperty("itemId").GetString() == itemId)
                    .Select(i => i.GetProperty("price").GetString()).LastOrDefault();
            }
            return price is not null;
        }, Deadline, () => $"an OfferMade push to {playerId} with {itemId}");
        return price!;
    }

    private static async Task AssertFieldProblemAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"expected errors.{field} in {text}");
    }

    /// <summary>
    /// The player's chat turns published so far: the ChatIntentDetected records of <paramref name="playerId"/> on
    /// commerce.player-events, read from the start up to the end as it is now. Not the topic's end offsets: pricing
    /// answers a turn with an offer on the same topic, on its own time, which a request refused later did not cause.
    /// </summary>
    private int ChatTurnsOf(string playerId)
    {
        var topic = TopicCatalog.PlayerEvents.Name;
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig { BootstrapServers = platform.KafkaBootstrap, GroupId = "chat-turns", EnableAutoCommit = false }).Build();
        var ends = Enumerable.Range(0, TopicCatalog.PlayerEvents.Partitions)
            .ToDictionary(p => p, p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10)).High.Value);
        consumer.Assign(ends.Keys.Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var turns = 0;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        // A partition not read yet has no position (Offset.Unset, below any end); an empty one has nothing to wait for.
        while (ends.Where(e => e.Value > 0).Any(e => consumer.Position(new TopicPartition(topic, e.Key)).Value < e.Value))
        {
            Assert.True(DateTime.UtcNow < deadline, $"expected to read {topic} up to its end offsets within 30 s");
            var record = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (record?.Message is { } message && record.Offset.Value < ends[record.Partition.Value]
                && EnvelopeSerializer.Deserialize(message.Value).Payload is ChatIntentDetected turn && turn.PlayerId == playerId)
                turns++;
        }
        return turns;
    }

    /// <summary>Reads commerce.player-events from its end at creation, to find one envelope by id.</summary>
    private sealed class PlayerEventsTail : IDisposable
    {
        private readonly IConsumer<string, byte[]> _consumer;

        public PlayerEventsTail(string bootstrap)
        {
            _consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = "chat-tail", EnableAutoCommit = false }).Build();
            var topic = TopicCatalog.PlayerEvents.Name;
            _consumer.Assign(Enumerable.Range(0, TopicCatalog.PlayerEvents.Partitions).Select(p =>
                new TopicPartitionOffset(topic, p, _consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10)).High)));
        }

        public async Task<EventEnvelope> WaitForAsync(Guid id, TimeSpan deadline)
        {
            EventEnvelope? found = null;
            var seen = 0;
            await Eventually.Until(() =>
            {
                var record = _consumer.Consume(TimeSpan.FromMilliseconds(200));
                if (record?.Message is { } message)
                {
                    seen++;
                    var envelope = EnvelopeSerializer.Deserialize(message.Value);
                    if (envelope.Id == id)
                        found = envelope;
                }
                return found is not null;
            }, deadline, () => $"ChatIntentDetected {id} on {TopicCatalog.PlayerEvents.Name}; read {seen} other record(s)");
            return found!;
        }

        public void Dispose() => _consumer.Dispose();
    }
}
