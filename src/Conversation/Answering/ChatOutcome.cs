namespace Commerce.Conversation.Answering;

/// <summary>A turn's outcome: answered (and published), or refused because the item the request named is not listed (nothing published).</summary>
public abstract record ChatOutcome
{
    private ChatOutcome()
    {
    }

    public sealed record Answered(ChatReply Reply) : ChatOutcome;

    public sealed record ItemNotListed(string ItemId) : ChatOutcome;
}
