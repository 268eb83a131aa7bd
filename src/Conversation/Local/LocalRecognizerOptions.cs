namespace Commerce.Conversation.Local;

/// <summary>The local recognizer's settings (<c>Chat:Local:*</c>).</summary>
public sealed class LocalRecognizerOptions
{
    /// <summary>Below this probability the top intent is "None", as a CLU project answers below its threshold.</summary>
    public double MinConfidence { get; set; } = 0.2;
}
