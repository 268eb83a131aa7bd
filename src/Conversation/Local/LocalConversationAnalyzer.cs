using Commerce.Conversation.Recognition;

namespace Commerce.Conversation.Local;

/// <summary>
/// The in-process <see cref="IConversationAnalyzer"/>: entities by rule against the live catalog
/// (<see cref="EntityExtractor"/>), the intent by the ML.NET model (<see cref="IntentModel"/>) on the normalized text.
/// </summary>
public sealed class LocalConversationAnalyzer(IntentModel model, EntityExtractor extractor, LocalRecognizerOptions options) : IConversationAnalyzer
{
    public const string NoIntent = "None";

    public Task<ConversationPrediction> AnalyzeConversationAsync(ConversationItem item, CancellationToken cancellationToken = default) =>
        Task.FromResult(Analyze(item.Text));

    public ConversationPrediction Analyze(string text)
    {
        var extracted = extractor.Extract(text);
        var scores = model.Score(UtteranceNormalizer.Normalize(text, extracted));
        var intents = new ConversationIntent[scores.Length];
        for (var i = 0; i < scores.Length; i++)
            intents[i] = new ConversationIntent(model.Labels[i], Math.Round(scores[i], 4));
        Array.Sort(intents, (a, b) => b.Confidence.CompareTo(a.Confidence));
        var top = intents.Length > 0 && intents[0].Confidence >= options.MinConfidence ? intents[0].Category : NoIntent;
        var entities = extracted.Select(e => new ConversationEntity(e.Category, text.Substring(e.Offset, e.Length), e.Offset, e.Length, 1, e.Resolution)).ToArray();
        return new ConversationPrediction(top, intents, entities);
    }
}
