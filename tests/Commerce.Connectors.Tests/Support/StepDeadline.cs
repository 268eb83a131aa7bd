namespace Commerce.Connectors.Tests.Support;

/// <summary>
/// A test's setup and teardown steps with a deadline on the wall clock (never on a test's fake clock): a step that does
/// not finish fails the test naming it, instead of holding the test host until the runner's hang timeout.
/// </summary>
public static class StepDeadline
{
    /// <summary>Generous: a step waits for real work (a host's stop is bounded by its 30 s shutdown timeout).</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(90);

    public static async Task Within(Func<Task> step, string name, TimeSpan? deadline = null)
    {
        var within = deadline ?? Default;
        try
        {
            await step().WaitAsync(within);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{name} did not finish within {within.TotalSeconds:F0} s");
        }
    }

    /// <summary>A blocking step (a native destroy), run on the thread pool so that it can be given up on.</summary>
    public static Task Within(Action step, string name, TimeSpan? deadline = null) =>
        Within(() => Task.Run(step), name, deadline);
}
