using System.Diagnostics;

namespace Commerce.Execution.Executor.Tracking;

/// <summary>
/// Tells a send burst: at least MaxChunk transactions taken by the node within the last
/// PollInterval. Receipts and rereading every open command cost the node and the store most, so
/// during a burst they wait, for at most BurstDeferral (0: never), and confirmations follow.
/// </summary>
internal sealed class BurstGauge(ExecutorOptions options)
{
    private readonly Queue<(long At, int Count)> _recent = new();
    private long? _deferringSince;

    /// <summary>The node took <paramref name="count"/> transactions just now.</summary>
    public void Sent(int count) => _recent.Enqueue((Stopwatch.GetTimestamp(), count));

    /// <summary>The pace of this pass; a burst past its BurstDeferral is Normal (and its deferral starts over).</summary>
    public SendPace Check()
    {
        var now = Stopwatch.GetTimestamp();
        while (_recent.TryPeek(out var oldest) && Stopwatch.GetElapsedTime(oldest.At, now) > options.PollInterval)
            _recent.Dequeue();
        if (_recent.Sum(s => s.Count) < options.MaxChunk || options.BurstDeferral <= TimeSpan.Zero)
        {
            _deferringSince = null;
            return SendPace.Normal;
        }
        _deferringSince ??= now;
        if (Stopwatch.GetElapsedTime(_deferringSince.Value, now) < options.BurstDeferral)
            return SendPace.Burst;
        _deferringSince = null;
        return SendPace.Normal;
    }
}
