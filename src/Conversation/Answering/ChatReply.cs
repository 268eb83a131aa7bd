using Commerce.Conversation.Recognition;

namespace Commerce.Conversation.Answering;

/// <summary>
/// One chat turn: what was understood (intent, confidence, sentiment, entities), the item it is about, the answer and
/// the facts it was written from, and the id of the <c>ChatIntentDetected</c> event published for it.
/// </summary>
public sealed record ChatReply(
    Guid EventId,
    string? ItemId,
    ChatIntentKind Intent,
    double Confidence,
    double Sentiment,
    string Answer,
    ChatFacts Facts,
    IReadOnlyList<ConversationEntity> Entities);
