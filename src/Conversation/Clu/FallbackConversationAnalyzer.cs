using Azure;
using Commerce.Conversation.Recognition;
using Microsoft.Extensions.Logging;

namespace Commerce.Conversation.Clu;

/// <summary>The live service first; when it fails (after its retries), the local recognizer answers, so a chat turn is never lost to the SaaS.</summary>
public sealed partial class FallbackConversationAnalyzer(IConversationAnalyzer primary, IConversationAnalyzer fallback, ILogger<FallbackConversationAnalyzer> logger)
    : IConversationAnalyzer
{
    public async Task<ConversationPrediction> AnalyzeConversationAsync(ConversationItem item, CancellationToken cancellationToken = default)
    {
        try
        {
            return await primary.AnalyzeConversationAsync(item, cancellationToken);
        }
        catch (Exception e) when (e is RequestFailedException or CluResponseException or TimeoutException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogFellBack(e.GetType().Name, e.Message);
            return await fallback.AnalyzeConversationAsync(item, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CLU failed ({Kind}: {Reason}); the local recognizer answered")]
    private partial void LogFellBack(string kind, string reason);
}
