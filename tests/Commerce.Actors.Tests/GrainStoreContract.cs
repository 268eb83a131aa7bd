using Commerce.Testing;
using Commerce.Actors.Storage;

namespace Commerce.Actors.Tests;

/// <summary>What every grain store must do; run against SQLite and PostgreSQL alike.</summary>
public abstract partial class GrainStoreContract
{
    private static readonly PartitionCursor Cursor = new("grains.test", "epoch-1", "commerce.player-events", 3);

    protected abstract Task<(IGrainStore Store, IAsyncDisposable Cleanup)> CreateAsync();

    /// <summary>Runs SQL straight against the database of the last store created (to tamper with it).</summary>
    protected abstract Task ExecuteSqlAsync(string sql);

    /// <summary>A second store, initialized, on the database of the last store created (as after a restart).</summary>
    protected abstract Task<(IGrainStore Store, IAsyncDisposable Cleanup)> OpenSameDatabaseAsync();

    [Fact]
    public async Task A_committed_batch_is_read_back_whole()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        var id = Guid.NewGuid();
        await store.CommitAsync(new GrainBatchCommit("player-session", Cursor, null, 41,
            [new StateWrite("0xa", """{"n":1}""", 1), new StateWrite("0xb", """{"n":2}""", 1)],
            [new OutboxWrite("commerce.player-pushes", "0xa", [1, 2, 3])], [id]), CancellationToken.None);

        Assert.Equal(41, await store.LoadCursorAsync(Cursor, CancellationToken.None));
        Assert.Null(await store.LoadCursorAsync(Cursor with { Epoch = "epoch-2" }, CancellationToken.None));
        var states = await store.LoadStatesAsync("player-session", ["0xa", "0xb", "0xc"], CancellationToken.None);
        Assert.Equal(["0xa", "0xb"], states.Keys.Order());
        Assert.Equal("""{"n":2}""", states["0xb"].Json);
        Assert.Equal([id], await store.FindProcessedAsync("player-session", [id, Guid.NewGuid()], CancellationToken.None));
        Assert.Empty(await store.FindProcessedAsync("nft-item", [id], CancellationToken.None));
        Assert.Equal(1, await store.CountOutboxAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_commit_from_a_stale_cursor_writes_nothing()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        await store.CommitAsync(new GrainBatchCommit("player-session", Cursor, null, 10, [new StateWrite("0xa", "{}", 1)], [], []), CancellationToken.None);

        // A second owner of the partition that still believes the cursor is unset (or at 5).
        await Assert.ThrowsAsync<CursorMovedException>(() => store.CommitAsync(new GrainBatchCommit("player-session", Cursor, null, 20,
            [new StateWrite("0xa", """{"stale":true}""", 2)], [new OutboxWrite("t", "k", [9])], []), CancellationToken.None));
        await Assert.ThrowsAsync<CursorMovedException>(() => store.CommitAsync(new GrainBatchCommit("player-session", Cursor, 5, 20,
            [new StateWrite("0xa", """{"stale":true}""", 2)], [new OutboxWrite("t", "k", [9])], []), CancellationToken.None));

        Assert.Equal(10, await store.LoadCursorAsync(Cursor, CancellationToken.None));
        Assert.Equal("{}", (await store.LoadStateAsync("player-session", "0xa", CancellationToken.None))!.Json);
        Assert.Equal(0, await store.CountOutboxAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Outbox_rows_are_leased_in_commit_order_and_only_delivered_ones_are_removed()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        var writes = Enumerable.Range(0, 5).Select(i => new OutboxWrite("topic", $"k{i}", [(byte)i])).ToList();
        for (var i = 0; i < writes.Count; i++)
            await store.CommitAsync(new GrainBatchCommit("g", Cursor, i == 0 ? null : i, i + 1, [], [writes[i], writes[i] with { Key = $"k{i}b" }], []), CancellationToken.None);

        await using (var lease = await store.LeaseOutboxAsync(10, CancellationToken.None))
        {
            Assert.Equal(["k0", "k0b", "k1", "k1b", "k2", "k2b", "k3", "k3b", "k4", "k4b"], lease.Records.SelectMany(r => r.Messages).Select(m => m.Key));
            Assert.Equal([2], lease.Records[2].Messages[0].Value);
            await lease.CompleteAsync([lease.Records[0].Id, lease.Records[2].Id], CancellationToken.None);
        }
        await using (var lease = await store.LeaseOutboxAsync(10, CancellationToken.None))
            Assert.Equal(["k1", "k3", "k4"], lease.Records.Select(r => r.Messages[0].Key));
        await using (var abandoned = await store.LeaseOutboxAsync(10, CancellationToken.None))
        {
            // Not completed: nothing is removed.
        }
        Assert.Equal(3, await store.CountOutboxAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Reminders_move_to_the_outbox_when_due_and_can_be_replaced_or_cancelled()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        var t0 = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        await store.CommitAsync(new GrainBatchCommit("nft-item", Cursor, null, 1, [], [], [],
        [
            new ReminderWrite("dragons:1", "reservation", t0.AddMinutes(10), "commerce.item-events", "dragons:1", [1]),
            new ReminderWrite("dragons:2", "reservation", t0.AddMinutes(5), "commerce.item-events", "dragons:2", [2]),
            new ReminderWrite("dragons:3", "reservation", t0.AddMinutes(1), "commerce.item-events", "dragons:3", [3]),
        ]), CancellationToken.None);
        await store.CommitAsync(new GrainBatchCommit("nft-item", Cursor, 1, 2, [], [], [],
        [
            new ReminderWrite("dragons:1", "reservation", t0.AddMinutes(2), "commerce.item-events", "dragons:1", [11]), // replaced
            new ReminderWrite("dragons:3", "reservation", null, "", "dragons:3", null), // cancelled
        ]), CancellationToken.None);

        Assert.Equal(0, await store.ReleaseDueRemindersAsync(t0.AddMinutes(1), 10, CancellationToken.None));
        Assert.Equal(1, await store.ReleaseDueRemindersAsync(t0.AddMinutes(3), 10, CancellationToken.None));
        Assert.Equal(1, await store.ReleaseDueRemindersAsync(t0.AddMinutes(30), 10, CancellationToken.None));
        Assert.Equal(0, await store.ReleaseDueRemindersAsync(t0.AddMinutes(60), 10, CancellationToken.None));

        await using var lease = await store.LeaseOutboxAsync(10, CancellationToken.None);
        Assert.Equal([("dragons:1", (byte)11), ("dragons:2", (byte)2)], lease.Records.SelectMany(r => r.Messages).Select(m => (m.Key, m.Value[0])));
    }

    [Fact]
    public async Task Processed_ids_older_than_the_retention_are_pruned()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        var id = Guid.NewGuid();
        await store.CommitAsync(new GrainBatchCommit("g", Cursor, null, 1, [], [], [id]), CancellationToken.None);
        Assert.Equal(0, await store.PruneProcessedAsync(DateTimeOffset.UtcNow.AddHours(-1), CancellationToken.None));
        Assert.Equal(1, await store.PruneProcessedAsync(DateTimeOffset.UtcNow.AddHours(1), CancellationToken.None));
        Assert.Empty(await store.FindProcessedAsync("g", [id], CancellationToken.None));
    }
}

public sealed class SqliteGrainStoreTests : GrainStoreContract
{
    protected override async Task<(IGrainStore, IAsyncDisposable)> CreateAsync()
    {
        var db = new TempDatabase();
        _connectionString = db.ConnectionString;
        var store = new SqliteGrainStore(db.ConnectionString, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        return (store, new Cleanup(async () => { await store.DisposeAsync(); db.Dispose(); }));
    }

    private string? _connectionString;

    protected override async Task<(IGrainStore, IAsyncDisposable)> OpenSameDatabaseAsync()
    {
        var store = new SqliteGrainStore(_connectionString!, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        return (store, store);
    }

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

public sealed class PostgresGrainStoreTests : GrainStoreContract
{
    protected override async Task<(IGrainStore, IAsyncDisposable)> CreateAsync()
    {
        var db = await TempPostgresDatabase.CreateAsync();
        _connectionString = db.ConnectionString;
        var store = new PostgresGrainStore(db.ConnectionString, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        return (store, new Cleanup(async () => { await store.DisposeAsync(); await db.DisposeAsync(); }));
    }

    private string? _connectionString;

    protected override async Task<(IGrainStore, IAsyncDisposable)> OpenSameDatabaseAsync()
    {
        var store = new PostgresGrainStore(_connectionString!, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        return (store, store);
    }

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

internal sealed class Cleanup(Func<Task> action) : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await action();
}
