using Commerce.Conversation.Clu;
using Commerce.Conversation.Local;

namespace Commerce.Conversation;

/// <summary>The chat's settings (<c>Chat:*</c>), validated at start.</summary>
public sealed class ChatOptions
{
    public ChatRecognizer Recognizer { get; set; } = ChatRecognizer.Local;

    public CluOptions Clu { get; set; } = new();

    public LocalRecognizerOptions Local { get; set; } = new();

    /// <summary>The longest question accepted, in UTF-16 code units.</summary>
    public int MaxTextLength { get; set; } = 500;

    public IEnumerable<string> Validate()
    {
        if (!Enum.IsDefined(Recognizer))
            yield return "Chat:Recognizer must be Local or Clu";
        if (Recognizer == ChatRecognizer.Clu)
        {
            foreach (var problem in Clu.Validate())
                yield return problem;
        }

        if (Local.MinConfidence is < 0 or > 1)
            yield return "Chat:Local:MinConfidence must be 0..1";
        if (MaxTextLength is < 1 or > 10_000)
            yield return "Chat:MaxTextLength must be 1..10000";
    }
}
