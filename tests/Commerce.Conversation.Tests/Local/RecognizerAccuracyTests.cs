using Commerce.Conversation.Local;
using Xunit.Abstractions;

namespace Commerce.Conversation.Tests.Local;

public sealed class RecognizerAccuracyTests(IntentModelFixture fixture, ITestOutputHelper output) : IClassFixture<IntentModelFixture>
{
    [Fact]
    public void Held_out_utterances_are_recognized_at_least_90_percent_of_the_time()
    {
        var evaluation = IntentEvaluation.Of(fixture.Model, UtteranceSet.HeldOut());
        foreach (var (expected, predicted, text) in evaluation.Misses)
            output.WriteLine($"expected {expected}, got {predicted}: {text}");
        output.WriteLine($"accuracy {evaluation.Accuracy:P1} ({evaluation.Correct}/{evaluation.Total})");
        Assert.True(evaluation.Accuracy >= 0.90, $"held-out intent accuracy {evaluation.Accuracy:P1} ({evaluation.Correct}/{evaluation.Total}), expected at least 90 %");
    }

    [Fact]
    public void No_held_out_utterance_is_also_a_training_utterance()
    {
        var training = UtteranceSet.Training().Select(u => u.Text.ToLowerInvariant()).ToHashSet();
        var shared = UtteranceSet.HeldOut().Where(u => training.Contains(u.Text.ToLowerInvariant())).Select(u => u.Text).ToList();
        Assert.True(shared.Count == 0, $"held-out utterances also in the training set: {string.Join(" | ", shared)}");
    }

    [Fact]
    public void Every_intent_has_training_and_held_out_utterances()
    {
        var intents = Commerce.Conversation.Recognition.ChatIntentNames.Trained.Select(k => Commerce.Conversation.Recognition.ChatIntentNames.Name(k)).ToHashSet();
        Assert.Equal(intents, UtteranceSet.Training().Select(u => u.Intent).ToHashSet());
        Assert.Equal(intents, UtteranceSet.HeldOut().Select(u => u.Intent).ToHashSet());
        Assert.Equal(intents, fixture.Model.Labels.ToHashSet());
    }
}
