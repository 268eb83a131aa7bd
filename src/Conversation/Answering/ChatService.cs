using Commerce.Actors.PlayerSession;
using Commerce.Conversation.Recognition;
using Commerce.Conversation.Sentiment;
using Commerce.Events.Envelope;
using Commerce.Events.Player;
using Commerce.Events.Topics;
using Commerce.Messaging.Producing;

namespace Commerce.Conversation.Answering;

/// <summary>
/// One chat turn: understand the question, read the live facts (the item's grain, the asking player's own session for
/// its price), answer from them, and publish <c>ChatIntentDetected</c> (keyed by the player, on
/// commerce.player-events, awaited until the cluster has it) before answering, as the interest endpoint does.
/// </summary>
public sealed class ChatService(IConversationAnalyzer analyzer, IChatFactsSource facts, EventProducer producer, TimeProvider clock)
{
    /// <summary>Items of one question read beyond the one asked from (a question naming many only activates this many grains).</summary>
    public const int MaxMentionedItems = 3;

    public async Task<ChatOutcome> AskAsync(ChatQuestion question, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var named = question.ItemId is null ? null : await facts.ItemAsync(question.ItemId, ct);
        if (question.ItemId is not null && named is null)
            return new ChatOutcome.ItemNotListed(question.ItemId);

        var turnId = Guid.CreateVersion7(now);
        var prediction = await analyzer.AnalyzeConversationAsync(new ConversationItem(turnId.ToString("N"), question.PlayerId, question.Text), ct);
        var intent = ChatIntentNames.Parse(prediction.TopIntent);
        var confidence = Math.Round(prediction.TopConfidence, 4);
        var sentiment = LexiconSentiment.Score(question.Text);

        var mentioned = prediction.Entities.Where(e => e.Category == ConversationEntity.Item && e.Key is not null)
            .Select(e => e.Key!).Distinct(StringComparer.Ordinal).Where(id => id != question.ItemId).Take(MaxMentionedItems).ToList();
        var item = named is null ? null : ItemFacts.Of(named, now);
        string? unknown = null;
        ItemFacts? other = null;
        foreach (var itemId in mentioned)
        {
            var state = await facts.ItemAsync(itemId, ct);
            if (state is null)
                unknown ??= itemId;
            else if (item is null)
                item = ItemFacts.Of(state, now);
            else
                other ??= ItemFacts.Of(state, now);
        }

        var session = item is null ? null : await facts.SessionAsync(question.PlayerId, ct);
        var chatFacts = new ChatFacts(item, PriceFor(session, item, now), other, PriceFor(session, other, now), unknown);
        var answer = ChatAnswerWriter.Write(intent, chatFacts);

        var envelope = EventEnvelope.Create(question.PlayerId,
            new ChatIntentDetected(question.PlayerId, item?.ItemId, intent.EventName(), sentiment, confidence), now, id: turnId);
        await producer.PublishAsync(TopicCatalog.PlayerEvents, envelope, ct);
        return new ChatOutcome.Answered(new ChatReply(turnId, item?.ItemId, intent, confidence, sentiment, answer, chatFacts, prediction.Entities));
    }

    /// <summary>The latest offer to this player for the item that still holds; only this player's session is ever read.</summary>
    private static PlayerPrice? PriceFor(PlayerSessionState? session, ItemFacts? item, DateTimeOffset now) =>
        session is null || item is null
            ? null
            : session.RecentOffers.Where(o => o.ItemId == item.ItemId && o.ExpiresAt > now)
                .Select(o => new PlayerPrice(o.OfferId, o.Price, o.Currency, o.ExpiresAt)).FirstOrDefault();
}
