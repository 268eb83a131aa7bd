namespace Commerce.Connectors.Tests.Support;

/// <summary>
/// Wall-clock time that moves one minute forward each time it is read, so attempts made within
/// the same real second still carry different timestamps. Timers and delays stay real.
/// </summary>
public sealed class SteppingClock(DateTimeOffset start) : TimeProvider
{
    private long _reads;

    public override DateTimeOffset GetUtcNow() => start + TimeSpan.FromMinutes(Interlocked.Increment(ref _reads));
}
