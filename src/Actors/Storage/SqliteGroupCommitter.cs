using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Commerce.Actors.Storage;

/// <summary>
/// Group commit for SQLite's single writer: whatever writes are waiting (batches of several
/// partitions, outbox deletions) go into one transaction, each in a savepoint of its own so that
/// one refused write (a moved cursor) is undone without touching the others. Callers wait for the
/// transaction that holds their write to commit. The queue is bounded.
/// A write that fails with an <see cref="InvalidOperationException"/> (the ADO.NET layer refusing the connection's
/// state, rather than SQLite refusing the write), or a group that fails whole, makes the committer replace its
/// connection through <c>reopen</c> after that group: the failed writes fail once and their callers retry them on a
/// fresh connection, instead of every later write failing on a connection left in a bad state.
/// </summary>
internal sealed class SqliteGroupCommitter : IAsyncDisposable
{
    private const int MaxWritesPerTransaction = 64;

    private readonly Func<SqliteConnection, Task<SqliteConnection>> _reopen;
    private readonly Channel<Work> _queue = Channel.CreateBounded<Work>(new BoundedChannelOptions(1024) { SingleReader = true });
    private readonly Task _loop;
    private SqliteConnection _connection;

    /// <param name="reopen">Disposes the given connection and answers a new one, ready for writes.</param>
    public SqliteGroupCommitter(SqliteConnection connection, Func<SqliteConnection, Task<SqliteConnection>> reopen)
    {
        _connection = connection;
        _reopen = reopen;
        _loop = Task.Factory.StartNew(RunAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>How many times the connection was replaced (for tests and operators).</summary>
    public int Reopened { get; private set; }

    /// <summary>Runs <paramref name="write"/> inside the next group transaction; completes when that transaction is durable.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken ct)
    {
        var done = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var work = new Work(async (c, t) => await write(c, t), (result, failure) =>
        {
            if (failure is null)
                done.TrySetResult(result);
            else
                done.TrySetException(failure);
        });
        await _queue.Writer.WriteAsync(work, ct);
        return (T)(await done.Task)!;
    }

    /// <summary>
    /// Runs <paramref name="write"/> inside the next group transaction and calls <paramref name="settle"/> on the
    /// committer's thread once that transaction committed (null) or failed (the failure), before the next group begins:
    /// for callers that tell many waiters at once and want no thread hop to do it. A closed committer settles at once.
    /// </summary>
    public void Enqueue(Func<SqliteConnection, SqliteTransaction, Task> write, Action<Exception?> settle)
    {
        var work = new Work(async (c, t) => { await write(c, t); return null; }, (_, failure) => settle(failure));
        if (!_queue.Writer.TryWrite(work))
            _ = EnqueueWhenRoomAsync(work);
    }

    private async Task EnqueueWhenRoomAsync(Work work)
    {
        try
        {
            await _queue.Writer.WriteAsync(work);
        }
        catch (Exception ex)
        {
            work.Settle(null, ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<Work>(MaxWritesPerTransaction);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxWritesPerTransaction && _queue.Reader.TryRead(out var work))
                batch.Add(work);
            if (!await CommitGroupAsync(batch))
                await ReopenAsync();
        }
    }

    private async Task ReopenAsync()
    {
        try
        {
            _connection = await _reopen(_connection);
            Reopened++;
        }
        catch (Exception)
        {
            // The next failing group tries again; the writes keep failing (and their callers retrying) meanwhile.
        }
    }

    /// <returns>False when the connection should be replaced.</returns>
    private async Task<bool> CommitGroupAsync(List<Work> batch)
    {
        var results = new object?[batch.Count];
        var failures = new Exception?[batch.Count];
        try
        {
            await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync();
            for (var i = 0; i < batch.Count; i++)
            {
                transaction.Save($"w{i}");
                try
                {
                    results[i] = await batch[i].Write(_connection, transaction);
                    transaction.Release($"w{i}");
                }
                catch (Exception ex)
                {
                    transaction.Rollback($"w{i}");
                    transaction.Release($"w{i}");
                    failures[i] = ex;
                }
            }
            await transaction.CommitAsync();
        }
        catch (Exception ex)
        {
            foreach (var work in batch)
                work.Settle(null, ex);
            return false;
        }
        for (var i = 0; i < batch.Count; i++)
            batch[i].Settle(results[i], failures[i]);
        return !failures.Any(f => f is InvalidOperationException);
    }

    /// <param name="Settle">Told the work's result, or its failure, once its transaction ended.</param>
    private sealed record Work(Func<SqliteConnection, SqliteTransaction, Task<object?>> Write, Action<object?, Exception?> Settle);
}
