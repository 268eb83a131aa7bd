using System.Diagnostics;

namespace Commerce.Benchmarks;

/// <summary>
/// Paces a load at a steady rate without spinning: the sender sleeps a millisecond at a time until
/// the next record is due, so the load generator does not take a core away from the system under
/// test (on 2 cores, a spin-wait halves what the platform gets). Records go out in 1 ms bursts.
/// </summary>
internal sealed class SteadyPacer(int ratePerSecond)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Returns when record <paramref name="index"/> (0-based) is due.</summary>
    public void WaitFor(int index)
    {
        var due = TimeSpan.FromSeconds((double)index / ratePerSecond);
        while (_clock.Elapsed < due)
            Thread.Sleep(1);
    }
}
