using Commerce.Conversation.Local;

namespace Commerce.Benchmarks.Chat;

/// <summary>
/// ./run bench chat-accuracy: trains the local intent model on the shipped training utterances (as the host does at
/// start) and prints its intent accuracy on the held-out utterances, which training never reads, with each miss.
/// </summary>
internal static class ChatAccuracy
{
    public static int Run()
    {
        var training = UtteranceSet.Training();
        var heldOut = UtteranceSet.HeldOut();
        var model = IntentModel.Train(training);
        Console.WriteLine($"trained on {training.Count} utterances ({model.Labels.Count} intents: {string.Join(", ", model.Labels)}) in {model.TrainingTime.TotalMilliseconds:F0} ms");
        var evaluation = IntentEvaluation.Of(model, heldOut);
        foreach (var (expected, predicted, text) in evaluation.Misses)
            Console.WriteLine($"  miss: expected {expected,-10} got {predicted,-10} \"{text}\"");
        foreach (var intent in heldOut.GroupBy(u => u.Intent).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var missed = evaluation.Misses.Count(m => m.Expected == intent.Key);
            Console.WriteLine($"  {intent.Key,-10} {intent.Count() - missed,3}/{intent.Count(),-3}");
        }

        Console.WriteLine($"held-out intent accuracy: {evaluation.Accuracy:P1} ({evaluation.Correct}/{evaluation.Total}); goal >= 90 %: {(evaluation.Accuracy >= 0.9 ? "met" : "NOT met")}");
        return evaluation.Accuracy >= 0.9 ? 0 : 1;
    }
}
