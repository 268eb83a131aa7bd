using Azure;
using Commerce.Conversation.Clu;
using Commerce.Conversation.Recognition;

namespace Commerce.Conversation.Tests.Clu;

/// <summary>The CLU client against a local server speaking analyze-conversations: the request it sends, what it reads, and every fault.</summary>
public sealed class CluConversationAnalyzerTests : IAsyncLifetime
{
    private const string Text = "🐉 how much is dragons:4 in eth?";
    private FakeCluServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeCluServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Sends_the_documented_request_and_reads_intents_and_entities_at_utf16_offsets()
    {
        var offset = Text.IndexOf("dragons:4", StringComparison.Ordinal); // 15: the dragon emoji is two UTF-16 code units
        _server.Answer(FakeCluServer.Json(200, FakeCluServer.Prediction("ask_price",
            """[{"category":"negotiate","confidenceScore":0.1},{"category":"ask_price","confidenceScore":0.87}]""",
            $$"""[{"category":"Item","text":"dragons:4","offset":{{offset}},"length":9,"confidenceScore":1,"extraInformation":[{"extraInformationKind":"ListKey","key":"dragons:4"}]}]""")));

        var prediction = await Analyzer().AnalyzeConversationAsync(new ConversationItem("turn-1", "0xplayer", Text));

        Assert.Equal("ask_price", prediction.TopIntent);
        Assert.Equal(0.87, prediction.TopConfidence);
        Assert.Equal(["ask_price", "negotiate"], prediction.Intents.Select(i => i.Category));
        var entity = Assert.Single(prediction.Entities);
        Assert.Equal(("Item", "dragons:4", "dragons:4"), (entity.Category, Text.Substring(entity.Offset, entity.Length), entity.Key));

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/language/:analyze-conversations?api-version=2023-04-01", request.PathAndQuery);
        Assert.Equal(FakeCluServer.Key, request.Key);
        Assert.Equal("Conversation", request.Body.GetProperty("kind").GetString());
        var item = request.Body.GetProperty("analysisInput").GetProperty("conversationItem");
        Assert.Equal((Text, "turn-1", "0xplayer"), (item.GetProperty("text").GetString(), item.GetProperty("id").GetString(), item.GetProperty("participantId").GetString()));
        var parameters = request.Body.GetProperty("parameters");
        Assert.Equal(("commerce-chat", "production", "Utf16CodeUnit"),
            (parameters.GetProperty("projectName").GetString(), parameters.GetProperty("deploymentName").GetString(), parameters.GetProperty("stringIndexType").GetString()));
    }

    [Fact]
    public async Task A_401_fails_at_once_with_the_services_error_code()
    {
        _server.Answer(FakeCluServer.Error(401, "401"));
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => Analyzer().AnalyzeConversationAsync(Item()));
        Assert.Equal(401, e.Status);
        Assert.Equal("401", e.ErrorCode);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After_and_then_succeeds()
    {
        _server.Answer(FakeCluServer.Error(429, "TooManyRequests", ("Retry-After", "1")), FakeCluServer.Json(200, Smalltalk));
        var prediction = await Analyzer().AnalyzeConversationAsync(Item());
        Assert.Equal("smalltalk", prediction.TopIntent);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_5xx_is_retried_and_a_lasting_one_fails_after_the_retries()
    {
        _server.Answer(FakeCluServer.Error(500, "InternalServerError"), FakeCluServer.Json(200, Smalltalk));
        Assert.Equal("smalltalk", (await Analyzer().AnalyzeConversationAsync(Item())).TopIntent);
        Assert.Equal(2, _server.Requests.Count);

        _server.Answer(FakeCluServer.Error(503, "ServiceUnavailable"));
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => Analyzer().AnalyzeConversationAsync(Item()));
        Assert.Equal(503, e.Status);
        Assert.Equal(2 + 3, _server.Requests.Count); // the first attempt and MaxRetries = 2
    }

    [Fact]
    public async Task An_attempt_that_never_answers_times_out_and_is_retried_before_failing()
    {
        _server.Answer(FakeCluServer.Hang());
        var analyzer = Analyzer(o => { o.NetworkTimeout = TimeSpan.FromMilliseconds(300); o.MaxRetries = 1; });
        var e = await Assert.ThrowsAsync<TimeoutException>(() => analyzer.AnalyzeConversationAsync(Item()));
        Assert.Contains("2 attempt(s)", e.Message);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_service_that_cannot_be_reached_fails_after_the_retries_as_a_RequestFailedException()
    {
        var port = Commerce.Testing.FreePort.Next(); // nothing listens there
        var analyzer = new CluConversationAnalyzer(new CluOptions
        {
            Endpoint = new Uri($"http://127.0.0.1:{port}"), Key = "k", ProjectName = "p", DeploymentName = "d", MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(10),
        });
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => analyzer.AnalyzeConversationAsync(Item()));
        Assert.Contains("could not be reached in 2 attempt(s)", e.Message);
    }

    [Theory]
    [InlineData("{\"kind\":\"ConversationResult\",\"result\":{", "not JSON")]
    [InlineData("""{"kind":"Something","result":{}}""", "kind")]
    [InlineData("""{"kind":"ConversationResult","result":{"prediction":{"projectKind":"Conversation","intents":[],"entities":[]}}}""", "topIntent")]
    [InlineData("""{"kind":"ConversationResult","result":{"prediction":{"projectKind":"Conversation","topIntent":"buy","intents":[{"category":"buy","confidenceScore":7}],"entities":[]}}}""", "confidenceScore")]
    [InlineData("""{"kind":"ConversationResult","result":{"prediction":{"projectKind":"Conversation","topIntent":"buy","intents":[],"entities":[{"category":"Item","text":"x","offset":90,"length":3,"confidenceScore":1}]}}}""", "outside")]
    [InlineData("""{"kind":"ConversationResult","result":{"prediction":{"projectKind":"Orchestration","topIntent":"buy","intents":[],"entities":[]}}}""", "projectKind")]
    public async Task A_malformed_answer_is_a_CluResponseException_naming_what_is_wrong(string body, string named)
    {
        _server.Answer(FakeCluServer.Json(200, body));
        var e = await Assert.ThrowsAsync<CluResponseException>(() => Analyzer().AnalyzeConversationAsync(Item()));
        Assert.Contains(named, e.Message);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public void Options_without_an_endpoint_or_key_are_refused_naming_them()
    {
        var e = Assert.Throws<ArgumentException>(() => new CluConversationAnalyzer(new CluOptions { ProjectName = "p", DeploymentName = "d" }));
        Assert.Contains("Chat:Clu:Endpoint", e.Message);
        Assert.Contains("Chat:Clu:Key", e.Message);
    }

    private static string Smalltalk => FakeCluServer.Prediction("smalltalk", """[{"category":"smalltalk","confidenceScore":0.9}]""", "[]");

    private static ConversationItem Item() => new("turn", "0xplayer", "hello");

    private CluConversationAnalyzer Analyzer(Action<CluOptions>? configure = null)
    {
        var options = new CluOptions
        {
            Endpoint = _server.Endpoint,
            Key = FakeCluServer.Key,
            ProjectName = "commerce-chat",
            DeploymentName = "production",
            RetryDelay = TimeSpan.FromMilliseconds(10),
        };
        configure?.Invoke(options);
        return new CluConversationAnalyzer(options);
    }
}
