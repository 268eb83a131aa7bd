namespace Commerce.Conversation.Recognition;

/// <summary>An intent and its confidence, 0..1 (CLU: <c>category</c>, <c>confidenceScore</c>).</summary>
public sealed record ConversationIntent(string Category, double Confidence);
