using Commerce.Conversation.Sentiment;

namespace Commerce.Conversation.Tests.Local;

public sealed class LexiconSentimentTests
{
    [Theory]
    [InlineData("how much is dragons:4", 0)]
    [InlineData("I love it", 0.5)]
    [InlineData("that's too expensive", -0.5)]
    [InlineData("not bad, I like it", 0.667)]
    [InlineData("this is not great", -0.5)]
    [InlineData("awful, overpriced scam", -0.75)]
    public void Scores_words_with_negation(string text, double expected) => Assert.Equal(expected, LexiconSentiment.Score(text));

    [Fact]
    public void The_score_stays_strictly_inside_minus_one_to_one()
    {
        var text = string.Join(' ', Enumerable.Repeat("great", 500));
        Assert.InRange(LexiconSentiment.Score(text), 0.9, 0.999);
    }
}
