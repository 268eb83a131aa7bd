using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Commerce.Connectors.Tests.Support;

/// <summary>
/// A fake clock that also keeps the due time of every timer started on it (a delay is one), so a test can wait until
/// the code under test is waiting before it moves the clock: moved earlier, the wait would start from the moved time.
/// </summary>
public sealed class WatchedFakeClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly ConcurrentQueue<TimeSpan> _timersStarted = new();

    /// <summary>The due times of the timers started so far, oldest first.</summary>
    public IReadOnlyCollection<TimeSpan> TimersStarted => _timersStarted;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _timersStarted.Enqueue(dueTime);
        return base.CreateTimer(callback, state, dueTime, period);
    }
}
