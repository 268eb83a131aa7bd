using Commerce.Conversation.Catalog;
using Commerce.Conversation.Local;

namespace Commerce.Conversation.Tests.Local;

public sealed class LocalConversationAnalyzerTests(IntentModelFixture fixture) : IClassFixture<IntentModelFixture>
{
    [Fact]
    public void Confidences_are_probabilities_best_first()
    {
        var analyzer = new LocalConversationAnalyzer(fixture.Model, new EntityExtractor(new CatalogVocabulary(["dragons"])), new LocalRecognizerOptions());
        var prediction = analyzer.Analyze("can you go lower on dragons:4?");
        Assert.Equal("negotiate", prediction.TopIntent);
        Assert.Equal(1.0, prediction.Intents.Sum(i => i.Confidence), 2);
        Assert.Equal(prediction.Intents.OrderByDescending(i => i.Confidence), prediction.Intents);
        Assert.Equal(7, prediction.Intents.Count);
    }

    [Fact]
    public void Below_the_minimum_confidence_the_top_intent_is_None()
    {
        var analyzer = new LocalConversationAnalyzer(fixture.Model, new EntityExtractor(new CatalogVocabulary()), new LocalRecognizerOptions { MinConfidence = 0.99 });
        Assert.Equal(LocalConversationAnalyzer.NoIntent, analyzer.Analyze("qwerty zxcv").TopIntent);
    }

    [Fact]
    public void Training_twice_gives_the_same_scores()
    {
        var again = IntentModel.Train(UtteranceSet.Training());
        Assert.Equal(fixture.Model.Score("how much is _item_"), again.Score("how much is _item_"));
    }
}
