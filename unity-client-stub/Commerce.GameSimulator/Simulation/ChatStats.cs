using System.Collections.Concurrent;

namespace Commerce.GameSimulator.Simulation;

/// <summary>The chat's counters: turns by recognized intent, answers citing the player's own price, and offers whose price cites a chat intent.</summary>
public sealed class ChatStats
{
    private readonly ConcurrentDictionary<string, int> _byIntent = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<double> _answerMs = new();
    private int _citedYourPrice;
    private int _offersCitingIntent;

    public int Turns => _byIntent.Values.Sum();

    public int CitedYourPrice => Volatile.Read(ref _citedYourPrice);

    public int OffersCitingIntent => Volatile.Read(ref _offersCitingIntent);

    public IReadOnlyList<double> AnswerMs => _answerMs.ToArray();

    /// <summary>"ask_price 12, negotiate 4, ..." (most frequent first).</summary>
    public string Describe() =>
        string.Join(", ", _byIntent.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));

    public void Answered(string intent, bool citedYourPrice, TimeSpan took)
    {
        _byIntent.AddOrUpdate(intent, 1, (_, n) => n + 1);
        _answerMs.Enqueue(took.TotalMilliseconds);
        if (citedYourPrice)
            Interlocked.Increment(ref _citedYourPrice);
    }

    public void OfferCitingIntent() => Interlocked.Increment(ref _offersCitingIntent);
}
