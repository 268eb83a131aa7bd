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

    /// <remarks>
    /// The due time is recorded once the timer is on the clock: recorded before, a test that saw it could move the clock
    /// before the timer was added, which would then fall due that much later than the test expects (and never fire).
    /// </remarks>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timersStarted.Enqueue(dueTime);
        return timer;
    }
}
