using Commerce.Conversation.Catalog;
using Commerce.Conversation.Clu;
using Commerce.Conversation.Local;
using Commerce.Conversation.Recognition;
using Commerce.Conversation.Tests.Local;
using Microsoft.Extensions.Logging.Abstractions;

namespace Commerce.Conversation.Tests.Clu;

public sealed class FallbackConversationAnalyzerTests(IntentModelFixture fixture) : IClassFixture<IntentModelFixture>, IAsyncLifetime
{
    private FakeCluServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeCluServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task When_CLU_keeps_failing_the_local_recognizer_answers()
    {
        _server.Answer(FakeCluServer.Error(503, "ServiceUnavailable"));
        var clu = new CluConversationAnalyzer(new CluOptions
        {
            Endpoint = _server.Endpoint, Key = FakeCluServer.Key, ProjectName = "p", DeploymentName = "d", MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(10),
        });
        var local = new LocalConversationAnalyzer(fixture.Model, new EntityExtractor(new CatalogVocabulary(["dragons"])), new LocalRecognizerOptions());
        var analyzer = new FallbackConversationAnalyzer(clu, local, NullLogger<FallbackConversationAnalyzer>.Instance);

        var prediction = await analyzer.AnalyzeConversationAsync(new ConversationItem("t", "p", "how much is dragons:4?"));

        Assert.Equal("ask_price", prediction.TopIntent);
        Assert.Equal("dragons:4", Assert.Single(prediction.Entities).Key);
        Assert.Equal(2, _server.Requests.Count);
    }
}
