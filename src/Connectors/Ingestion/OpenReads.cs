namespace Commerce.Connectors.Ingestion;

/// <summary>
/// The source reads of one pipeline run that have not ended yet: a read counts from the moment Akka asks for its
/// enumerator until that enumerator is disposed, which Akka does once the read's in-flight request has unwound. A stop
/// that waits for <see cref="EndedAsync"/> therefore leaves no request of its sources running behind it (a request
/// still unwinding holds its HTTP client's resilience pipeline, which the container waits for when it is disposed).
/// </summary>
public sealed class OpenReads
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _ended = Ended();
    private int _open;

    public int Count
    {
        get
        {
            lock (_gate)
                return _open;
        }
    }

    /// <summary><paramref name="read"/>, counted while it is open.</summary>
    public IAsyncEnumerable<T> Track<T>(IAsyncEnumerable<T> read) => new CountedRead<T>(read, this);

    /// <summary>True once every read has ended; false when <paramref name="deadline"/> passed first.</summary>
    public async Task<bool> EndedAsync(CancellationToken deadline)
    {
        Task ended;
        lock (_gate)
            ended = _ended.Task;
        try
        {
            await ended.WaitAsync(deadline).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return false;
        }
    }

    internal void Opened()
    {
        lock (_gate)
        {
            if (_open++ == 0)
                _ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    internal void Closed()
    {
        TaskCompletionSource? ended = null;
        lock (_gate)
        {
            if (--_open == 0)
                ended = _ended;
        }
        ended?.TrySetResult();
    }

    private static TaskCompletionSource Ended()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}
