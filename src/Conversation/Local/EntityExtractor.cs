using System.Globalization;
using System.Text.RegularExpressions;
using Commerce.Conversation.Catalog;
using Commerce.Conversation.Recognition;

namespace Commerce.Conversation.Local;

/// <summary>
/// Finds the entities of an utterance by rule, against the live catalog's collections: items ("dragons:4", "dragon #4",
/// "blade 7" -> Item with the item id as its text's resolution), collections alone ("the dragons"), currencies (ETH,
/// ether, USDC, dollars, $) and numbers. Offsets and lengths are UTF-16 code units, as CLU's Utf16CodeUnit.
/// </summary>
public sealed partial class EntityExtractor(CatalogVocabulary vocabulary)
{
    /// <summary>A word, optionally followed by ":", "#" or spaces and a token number: a candidate item or collection.</summary>
    [GeneratedRegex(@"\b(?<word>[A-Za-z][A-Za-z0-9_-]{1,39})(?:(?::|\s*#\s*|\s+(?:no\.?\s*|number\s+)?)(?<token>\d{1,9})\b(?!\.\d))?", RegexOptions.CultureInvariant)]
    private static partial Regex WordOrItem();

    [GeneratedRegex(@"(?<![\w.])(?<number>\d{1,12}(?:\.\d{1,18})?)(?![\w.])", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"(?<![\w])(?<currency>eth|ether|usdc|usd|dollars?|bucks)(?![\w])|\$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CurrencyPattern();

    public IReadOnlyList<ExtractedEntity> Extract(string text)
    {
        var found = new List<ExtractedEntity>(4);
        foreach (Match m in WordOrItem().Matches(text))
        {
            var word = m.Groups["word"];
            if (vocabulary.CollectionOf(word.ValueSpan) is not { } collection)
                continue;
            var token = m.Groups["token"];
            found.Add(token.Success
                ? new ExtractedEntity(ConversationEntity.Item, m.Index, m.Length, $"{collection}:{long.Parse(token.ValueSpan, CultureInfo.InvariantCulture)}")
                : new ExtractedEntity(ConversationEntity.Collection, word.Index, word.Length, collection));
        }

        foreach (Match m in CurrencyPattern().Matches(text))
        {
            if (!Overlaps(found, m.Index, m.Length))
                found.Add(new ExtractedEntity(ConversationEntity.Currency, m.Index, m.Length, CurrencyCode(m.Value)));
        }

        foreach (Match m in NumberPattern().Matches(text))
        {
            if (!Overlaps(found, m.Index, m.Length))
                found.Add(new ExtractedEntity(ConversationEntity.Number, m.Index, m.Length, m.Value));
        }

        found.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        return found;
    }

    private static string CurrencyCode(string word) =>
        word.StartsWith("eth", StringComparison.OrdinalIgnoreCase) ? "ETH" : "USDC";

    private static bool Overlaps(List<ExtractedEntity> found, int offset, int length)
    {
        foreach (var e in found)
        {
            if (offset < e.Offset + e.Length && e.Offset < offset + length)
                return true;
        }

        return false;
    }
}
