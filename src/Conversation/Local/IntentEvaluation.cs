using Commerce.Conversation.Catalog;
using Commerce.Conversation.Recognition;

namespace Commerce.Conversation.Local;

/// <summary>The local recognizer measured on labeled utterances: accuracy, and each miss (expected, predicted, text).</summary>
public sealed record IntentEvaluation(int Total, int Correct, IReadOnlyList<(string Expected, string Predicted, string Text)> Misses)
{
    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    public static IntentEvaluation Of(IntentModel model, IReadOnlyList<LabeledUtterance> utterances, LocalRecognizerOptions? options = null)
    {
        var analyzer = new LocalConversationAnalyzer(model, new EntityExtractor(new CatalogVocabulary(IntentModel.UtteranceCollections)),
            options ?? new LocalRecognizerOptions());
        var misses = new List<(string, string, string)>();
        foreach (var u in utterances)
        {
            var predicted = analyzer.Analyze(u.Text).TopIntent;
            if (ChatIntentNames.Parse(predicted) != ChatIntentNames.Parse(u.Intent) || ChatIntentNames.Parse(u.Intent) == ChatIntentKind.None)
                misses.Add((u.Intent, predicted, u.Text));
        }

        return new IntentEvaluation(utterances.Count, utterances.Count - misses.Count, misses);
    }
}
