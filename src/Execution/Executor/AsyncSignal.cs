namespace Commerce.Execution.Executor;

/// <summary>
/// Wakes waiters as soon as something happened, instead of them polling. A notify while nobody
/// waits is kept (once), so work announced while a waiter was busy (the tracker sending the
/// previous chunk, say) is picked up at once instead of after its timeout. Every waiter still
/// passes a timeout and re-checks its work then: the signal only shortens the wait, correctness
/// never depends on it.
/// </summary>
public sealed class AsyncSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pending;

    public void Notify()
    {
        Volatile.Write(ref _pending, 1);
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>True when signalled within <paramref name="timeout"/>, or since the last wait returned.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _pending, 0) == 1)
            return true;
        var task = Volatile.Read(ref _next).Task;
        // A notify between the two reads set the flag before replacing the task: seen here.
        if (Interlocked.Exchange(ref _pending, 0) == 1)
            return true;
        try
        {
            await task.WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            return false;
        }
        Interlocked.Exchange(ref _pending, 0);
        return true;
    }
}
