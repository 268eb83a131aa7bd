namespace Commerce.Execution.Executor;

/// <summary>
/// Wakes every current waiter as soon as something happened, instead of them polling. A notify
/// with nobody waiting is not kept, so every waiter also passes a timeout and re-checks its work
/// then: the signal only shortens the wait, correctness never depends on it.
/// </summary>
public sealed class AsyncSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>True when signalled within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        var task = Volatile.Read(ref _next).Task;
        try
        {
            await task.WaitAsync(timeout, ct);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
