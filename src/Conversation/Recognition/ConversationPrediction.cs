namespace Commerce.Conversation.Recognition;

/// <summary>CLU's conversation prediction: the top intent, every intent scored (best first), the entities found.</summary>
public sealed record ConversationPrediction(
    string TopIntent,
    IReadOnlyList<ConversationIntent> Intents,
    IReadOnlyList<ConversationEntity> Entities)
{
    /// <summary>The confidence of <see cref="TopIntent"/> (0 when the service named no score for it).</summary>
    public double TopConfidence => Intents.FirstOrDefault(i => i.Category == TopIntent)?.Confidence ?? 0;
}
