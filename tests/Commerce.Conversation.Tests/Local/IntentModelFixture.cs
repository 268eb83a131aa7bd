using Commerce.Conversation.Local;

namespace Commerce.Conversation.Tests.Local;

/// <summary>The model trained once on the shipped training utterances, shared by the recognizer tests.</summary>
public sealed class IntentModelFixture
{
    public IntentModel Model { get; } = IntentModel.Train(UtteranceSet.Training());
}
