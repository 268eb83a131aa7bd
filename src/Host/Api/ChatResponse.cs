using Commerce.Conversation.Answering;
using Commerce.Conversation.Recognition;

namespace Commerce.Host.Api;

/// <summary>
/// One chat turn (docs/API.md): the answer, what was understood, and the facts the answer was written from (the item's
/// live state and the price offered to the caller; never another player's).
/// </summary>
public sealed record ChatResponse(
    Guid EventId,
    string? ItemId,
    string Intent,
    double Confidence,
    double Sentiment,
    string Answer,
    ItemFacts? Item,
    PlayerPrice? YourPrice,
    ItemFacts? ComparedItem,
    PlayerPrice? YourPriceForComparedItem,
    string? UnknownItem,
    IReadOnlyList<ConversationEntity> Entities)
{
    public static ChatResponse Of(ChatReply reply) => new(
        reply.EventId, reply.ItemId, reply.Intent.Name(), reply.Confidence, reply.Sentiment, reply.Answer,
        reply.Facts.Item, reply.Facts.YourPrice, reply.Facts.Other, reply.Facts.YourPriceForOther, reply.Facts.UnknownItem, reply.Entities);
}
