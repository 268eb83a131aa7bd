namespace Commerce.Payments.Watcher;

/// <summary>
/// Where the watcher stands, for health checks and operators: updated after every pass. Lag is the
/// node's head minus the stored cursor (blocks not yet scanned).
/// </summary>
public sealed class CheckoutWatcherStatus
{
    private readonly Lock _lock = new();
    private Snapshot _current = new(false, null, null, null, 0, null, 0);

    public sealed record Snapshot(bool Enabled, DateTimeOffset? LastPassAt, ulong? Head, ulong? Cursor, int PendingLogs, string? LastError, long FailedPasses)
    {
        public ulong? Lag => Head is { } head && Cursor is { } cursor ? (head > cursor ? head - cursor : 0) : null;
    }

    public Snapshot Current
    {
        get
        {
            lock (_lock)
                return _current;
        }
    }

    internal void Started()
    {
        lock (_lock)
            _current = _current with { Enabled = true };
    }

    internal void Passed(DateTimeOffset at, ulong head, ulong? cursor, int pending)
    {
        lock (_lock)
            _current = _current with { LastPassAt = at, Head = head, Cursor = cursor, PendingLogs = pending, LastError = null };
    }

    internal void Failed(string error)
    {
        lock (_lock)
            _current = _current with { LastError = error, FailedPasses = _current.FailedPasses + 1 };
    }
}
