namespace Commerce.Conversation.Recognition;

/// <summary>
/// Understands one utterance: its intents (best first) and entities. Shaped after Azure.AI.Language.Conversations'
/// ConversationAnalysisClient (a conversation item in, a ConversationPrediction out), so that the package can stand
/// behind this interface once it is served here. Two implementations: <see cref="Clu.CluConversationAnalyzer"/> (the
/// live service) and <see cref="Local.LocalConversationAnalyzer"/> (ML.NET, in process).
/// </summary>
public interface IConversationAnalyzer
{
    Task<ConversationPrediction> AnalyzeConversationAsync(ConversationItem item, CancellationToken cancellationToken = default);
}
