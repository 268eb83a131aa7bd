namespace Commerce.Execution.Executor;

/// <summary>Running totals of this process's executor (benchmarks, tests, health).</summary>
public sealed class ExecutorMetrics
{
    private long _accepted, _rejected, _duplicates, _submitted, _replaced, _mined, _confirmed, _failed, _reorged, _resent;

    public long Accepted => Interlocked.Read(ref _accepted);
    public long Rejected => Interlocked.Read(ref _rejected);
    public long Duplicates => Interlocked.Read(ref _duplicates);
    public long Submitted => Interlocked.Read(ref _submitted);
    public long Replaced => Interlocked.Read(ref _replaced);
    public long Mined => Interlocked.Read(ref _mined);
    public long Confirmed => Interlocked.Read(ref _confirmed);
    public long Failed => Interlocked.Read(ref _failed);
    public long Reorged => Interlocked.Read(ref _reorged);
    public long Resent => Interlocked.Read(ref _resent);

    internal void AddAccepted(long n) => Interlocked.Add(ref _accepted, n);
    internal void AddRejected(long n) => Interlocked.Add(ref _rejected, n);
    internal void AddDuplicates(long n) => Interlocked.Add(ref _duplicates, n);
    internal void AddSubmitted(long n) => Interlocked.Add(ref _submitted, n);
    internal void AddReplaced(long n) => Interlocked.Add(ref _replaced, n);
    internal void AddMined(long n) => Interlocked.Add(ref _mined, n);
    internal void AddConfirmed(long n) => Interlocked.Add(ref _confirmed, n);
    internal void AddFailed(long n) => Interlocked.Add(ref _failed, n);
    internal void AddReorged(long n) => Interlocked.Add(ref _reorged, n);
    internal void AddResent(long n) => Interlocked.Add(ref _resent, n);
}
