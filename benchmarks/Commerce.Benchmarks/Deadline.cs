using System.Diagnostics;

namespace Commerce.Benchmarks;

/// <summary>Waits for a condition the benchmark watches, with a deadline and a message that says what was expected.</summary>
public static class Deadline
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what, TimeSpan poll)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"benchmark: {what} not reached within {timeout}");
            await Task.Delay(poll);
        }
    }
}
