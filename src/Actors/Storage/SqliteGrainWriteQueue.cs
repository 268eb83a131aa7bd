using Microsoft.Data.Sqlite;

namespace Commerce.Actors.Storage;

/// <summary>
/// Grain writes waiting for SQLite's single writer, written together: the writes waiting when the committer reaches
/// the group become one piece of its transaction, so a busy platform pays for one outbox row, one journal insert and
/// one commit per group instead of per grain. Each write keeps its own version check: a conflicting one is refused
/// alone and its effects are not written. Callers are told on the committer's thread right after the COMMIT (no hop
/// through the thread pool; their continuations hand over to the grain's own scheduler).
/// </summary>
internal sealed class SqliteGrainWriteQueue(
    SqliteGroupCommitter committer,
    Func<IReadOnlyList<PendingGrainWrite>, SqliteConnection, SqliteTransaction, Task> writeGroup)
{
    private readonly Lock _lock = new();
    private List<PendingGrainWrite> _waiting = [];
    private bool _groupQueued;

    public Task<long> WriteAsync(GrainWrite write)
    {
        var pending = new PendingGrainWrite(write);
        bool queueGroup;
        lock (_lock)
        {
            _waiting.Add(pending);
            queueGroup = !_groupQueued;
            _groupQueued = true;
        }
        if (queueGroup)
            QueueGroup();
        return pending.Done.Task;
    }

    /// <summary>
    /// One piece of work for the committer that takes the writes waiting when it runs; writes arriving after that go
    /// into the next group.
    /// </summary>
    private void QueueGroup()
    {
        List<PendingGrainWrite> group = [];
        committer.Enqueue(
            (connection, transaction) =>
            {
                group = TakeWaiting();
                return writeGroup(group, connection, transaction);
            },
            failure =>
            {
                if (group.Count == 0)
                    group = TakeWaiting(); // never ran: the committer closed, or the queue refused it
                foreach (var pending in group)
                {
                    if (failure is null)
                        pending.Complete();
                    else
                        pending.Fail(failure);
                }
            });
    }

    private List<PendingGrainWrite> TakeWaiting()
    {
        lock (_lock)
        {
            var group = _waiting;
            _waiting = [];
            _groupQueued = false;
            return group;
        }
    }
}
