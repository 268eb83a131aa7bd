namespace Commerce.Conversation.Recognition;

/// <summary>What a player wants from a chat message; the intents of the shipped utterances and of a CLU project for them.</summary>
public enum ChatIntentKind
{
    /// <summary>Nothing recognized with enough confidence.</summary>
    None = 0,
    AskPrice,
    AskRarity,
    Compare,
    Negotiate,
    Buy,
    Hesitate,
    Smalltalk,
}
