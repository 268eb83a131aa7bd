using System.Collections.Concurrent;

namespace Commerce.Connectors.MarketplaceMonitoring.Local;

/// <summary>Failures the simulated marketplace answers REST calls with (tests), its rate-limit window, and what it answered.</summary>
public sealed class LocalMarketplaceFaults
{
    private readonly ConcurrentQueue<(int Status, TimeSpan? RetryAfter)> _queued = new();
    private readonly ConcurrentDictionary<int, long> _answered = new();
    private long _requests;

    /// <summary>Requests per window before X-RateLimit-Remaining reaches 0 (0: no window).</summary>
    public int RateLimit { get; set; }

    public TimeSpan RateWindow { get; set; } = TimeSpan.FromSeconds(60);

    public long Requests => Interlocked.Read(ref _requests);

    public void Enqueue(int status, TimeSpan? retryAfter = null, int times = 1)
    {
        for (var i = 0; i < times; i++)
            _queued.Enqueue((status, retryAfter));
    }

    public (int Status, TimeSpan? RetryAfter)? Next()
    {
        Interlocked.Increment(ref _requests);
        return _queued.TryDequeue(out var fault) ? fault : null;
    }

    public long Answered(int status) => _answered.GetValueOrDefault(status);

    public void CountAnswer(int status) => _answered.AddOrUpdate(status, 1, (_, n) => n + 1);
}
