using System.Collections.Frozen;

namespace Commerce.Conversation.Sentiment;

/// <summary>
/// Sentiment from a small word list: each positive word counts +1, each negative word -1, a negator ("not", "no",
/// "never", "n't") within the two words before flips the word's sign; the score is (positive - negative) / (matched + 1),
/// so one word gives ±0.5 and the score stays strictly inside -1..1; no matched word gives 0. Chosen because it is
/// explainable, deterministic and costs microseconds; it misses sarcasm and context (docs/ARCHITECTURE-NOTES.md).
/// </summary>
public static class LexiconSentiment
{
    private static readonly FrozenSet<string> Positive = new[]
    {
        "love", "like", "great", "awesome", "cool", "nice", "good", "amazing", "beautiful", "perfect", "excellent", "fair",
        "fun", "happy", "glad", "want", "deal", "yes", "thanks", "thank", "wow", "sweet", "best", "worth", "fantastic", "excited",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Negative = new[]
    {
        "expensive", "steep", "overpriced", "pricey", "bad", "hate", "ugly", "scam", "risky", "worried", "doubts", "doubt",
        "regret", "boring", "bored", "lame", "terrible", "awful", "unsure", "poor", "rip", "ripoff", "afraid", "annoying",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Negators = new[] { "not", "no", "never", "dont", "don't", "isnt", "isn't", "cant", "can't", "won't", "wont" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static double Score(string text)
    {
        Span<Range> words = stackalloc Range[64];
        var span = text.AsSpan();
        var count = Split(span, words);
        int positive = 0, negative = 0;
        var lastNegator = -10;
        for (var i = 0; i < count; i++)
        {
            var word = span[words[i]];
            if (Negators.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) || word.EndsWith("n't", StringComparison.OrdinalIgnoreCase))
            {
                lastNegator = i;
                continue;
            }

            var sign = Positive.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) ? 1
                : Negative.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) ? -1 : 0;
            if (sign == 0)
                continue;
            if (i - lastNegator <= 2)
                sign = -sign;
            if (sign > 0)
                positive++;
            else
                negative++;
        }

        var matched = positive + negative;
        return matched == 0 ? 0 : Math.Round((double)(positive - negative) / (matched + 1), 3);
    }

    /// <summary>Words: runs of letters and apostrophes (at most <paramref name="words"/>.Length of them).</summary>
    private static int Split(ReadOnlySpan<char> text, Span<Range> words)
    {
        var count = 0;
        var start = -1;
        for (var i = 0; i <= text.Length && count < words.Length; i++)
        {
            var letter = i < text.Length && (char.IsLetter(text[i]) || text[i] == '\'');
            if (letter && start < 0)
                start = i;
            else if (!letter && start >= 0)
            {
                words[count++] = new Range(start, i);
                start = -1;
            }
        }

        return count;
    }
}
