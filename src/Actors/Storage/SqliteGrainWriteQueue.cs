using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Commerce.Actors.Storage;

/// <summary>
/// Grain writes waiting for SQLite's single writer, written together: whatever is waiting when the writer is free
/// (up to <see cref="MaxWritesPerGroup"/>) becomes one piece of work of the group committer, so a busy platform pays for
/// one outbox row, one journal insert and one commit per group instead of per grain. Each write keeps its own version
/// check: a conflicting one is refused alone and its effects are not written. Callers complete after the COMMIT.
/// </summary>
internal sealed class SqliteGrainWriteQueue : IAsyncDisposable
{
    public const int MaxWritesPerGroup = 512;

    private readonly Channel<PendingGrainWrite> _queue =
        Channel.CreateBounded<PendingGrainWrite>(new BoundedChannelOptions(8192) { SingleReader = true });
    private readonly Func<IReadOnlyList<PendingGrainWrite>, Task> _writeGroup;
    private readonly Task _loop;

    /// <param name="writeGroup">Writes a group in one transaction of the committer, setting each write's outcome.</param>
    public SqliteGrainWriteQueue(Func<IReadOnlyList<PendingGrainWrite>, Task> writeGroup)
    {
        _writeGroup = writeGroup;
        _loop = Task.Run(RunAsync);
    }

    public async Task<long> WriteAsync(GrainWrite write, CancellationToken ct)
    {
        var pending = new PendingGrainWrite(write);
        await _queue.Writer.WriteAsync(pending, ct);
        return await pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var group = new List<PendingGrainWrite>(MaxWritesPerGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxWritesPerGroup && _queue.Reader.TryRead(out var pending))
                group.Add(pending);
            try
            {
                await _writeGroup(group);
            }
            catch (Exception ex)
            {
                foreach (var pending in group)
                    pending.Fail(ex);
                continue;
            }
            foreach (var pending in group)
                pending.Complete();
        }
    }
}
