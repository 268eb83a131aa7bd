namespace Commerce.Conversation.Recognition;

/// <summary>One utterance of a conversation (CLU's <c>conversationItem</c>): its id, who said it, the text, its language.</summary>
public sealed record ConversationItem(string Id, string ParticipantId, string Text, string Language = "en");
