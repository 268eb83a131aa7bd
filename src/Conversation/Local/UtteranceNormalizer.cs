using System.Text;
using Commerce.Conversation.Recognition;

namespace Commerce.Conversation.Local;

/// <summary>
/// What the intent model reads: the utterance in lower case with each entity replaced by its category's placeholder
/// ("how much is dragons:4 in eth" -> "how much is _item_ in _currency_"), so that the model learns the phrasing and
/// not the catalog of the day.
/// </summary>
public static class UtteranceNormalizer
{
    public static string Normalize(string text, IReadOnlyList<ExtractedEntity> entities)
    {
        var builder = new StringBuilder(text.Length + 16);
        var at = 0;
        foreach (var entity in entities)
        {
            builder.Append(text, at, entity.Offset - at);
            builder.Append(' ').Append(Placeholder(entity.Category)).Append(' ');
            at = entity.Offset + entity.Length;
        }

        builder.Append(text, at, text.Length - at);
        return builder.ToString().ToLowerInvariant();
    }

    private static string Placeholder(string category) => category switch
    {
        ConversationEntity.Item => "_item_",
        ConversationEntity.Collection => "_collection_",
        ConversationEntity.Currency => "_currency_",
        _ => "_number_",
    };
}
