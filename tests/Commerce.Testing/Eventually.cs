using System.Diagnostics;

namespace Commerce.Testing;

/// <summary>
/// Waits for a condition with a deadline instead of sleeping: the condition is checked as soon
/// as <paramref name="signal"/> fires or every few milliseconds, and a timeout fails with what was expected.
/// </summary>
public static class Eventually
{
    public static async Task Until(Func<bool> condition, TimeSpan timeout, Func<string> expected)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"after {timeout.TotalSeconds:F0} s: expected {expected()}");
            await Task.Yield();
            await Task.Delay(10);
        }
    }

    public static Task Until(Func<bool> condition, TimeSpan timeout, string expected) =>
        Until(condition, timeout, () => expected);

    public static async Task Until(Func<Task<bool>> condition, TimeSpan timeout, Func<string> expected)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"after {timeout.TotalSeconds:F0} s: expected {expected()}");
            await Task.Delay(20);
        }
    }
}
