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
        await store.CommitAsync(new GrainBatchCommit("player-session", Cursor, null, 41,
            [new StateWrite("0xa", """{"n":1}""", 1), new StateWrite("0xb", """{"n":2}""", 1)],
            [new OutboxWrite("commerce.player-pushes", "0xa", [1, 2, 3])]), CancellationToken.None);

        Assert.Equal(41, await store.LoadCursorAsync(Cursor, CancellationToken.None));
        Assert.Null(await store.LoadCursorAsync(Cursor with { Epoch = "epoch-2" }, CancellationToken.None));
        var states = await store.LoadStatesAsync("player-session", ["0xa", "0xb", "0xc"], CancellationToken.None);
        Assert.Equal(["0xa", "0xb"], states.Keys.Order());
        Assert.Equal("""{"n":2}""", states["0xb"].Json);
        Assert.Equal(1, await store.CountOutboxAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_commit_from_a_stale_cursor_writes_nothing()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        await store.CommitAsync(new GrainBatchCommit("player-session", Cursor, null, 10, [new StateWrite("0xa", "{}", 1)], []), CancellationToken.None);

        // A second owner of the partition that still believes the cursor is unset (or at 5).
        await Assert.ThrowsAsync<CursorMovedException>(() => store.CommitAsync(new GrainBatchCommit("player-session", Cursor, null, 20,
            [new StateWrite("0xa", """{"stale":true}""", 2)], [new OutboxWrite("t", "k", [9])]), CancellationToken.None));
        await Assert.ThrowsAsync<CursorMovedException>(() => store.CommitAsync(new GrainBatchCommit("player-session", Cursor, 5, 20,
            [new StateWrite("0xa", """{"stale":true}""", 2)], [new OutboxWrite("t", "k", [9])]), CancellationToken.None));

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
            await store.CommitAsync(new GrainBatchCommit("g", Cursor, i == 0 ? null : i, i + 1, [], [writes[i], writes[i] with { Key = $"k{i}b" }]), CancellationToken.None);

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
    public async Task A_database_of_the_old_grain_runtime_loses_its_processed_id_and_reminder_tables_at_start()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        await store.CommitAsync(new GrainBatchCommit("nft-item", Cursor, null, 1, [new StateWrite("dragons:1", "{}", 1)], []), CancellationToken.None);
        await ExecuteSqlAsync("CREATE TABLE processed_event (grain_type TEXT NOT NULL, event_id TEXT NOT NULL)");
        await ExecuteSqlAsync("CREATE TABLE reminder (grain_type TEXT NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL)");
        await ExecuteSqlAsync("INSERT INTO reminder (grain_type, key, name) VALUES ('nft-item', 'dragons:1', 'reservation')");

        var (again, againCleanup) = await OpenSameDatabaseAsync();
        await using var __ = againCleanup;

        // Created again without IF NOT EXISTS: this fails if initialization left either table in place.
        await ExecuteSqlAsync("CREATE TABLE processed_event (x INTEGER)");
        await ExecuteSqlAsync("CREATE TABLE reminder (x INTEGER)");
        Assert.Equal(1, await again.LoadCursorAsync(Cursor, CancellationToken.None));
        Assert.Equal("{}", (await again.LoadStateAsync("nft-item", "dragons:1", CancellationToken.None))!.Json);
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

    [Fact]
    public async Task A_journal_kept_by_sequence_number_moves_into_the_ring_with_its_newest_entries()
    {
        using var db = new TempDatabase();
        _connectionString = db.ConnectionString;
        // The layout before the ring: one row per entry, the newest 32 of each key kept.
        await ExecuteSqlAsync("""
            CREATE TABLE grain_journal (grain_type TEXT NOT NULL, key TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL,
                body TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (grain_type, key, seq));
            WITH RECURSIVE n(seq) AS (SELECT 9 UNION ALL SELECT seq + 1 FROM n WHERE seq < 40)
            INSERT INTO grain_journal SELECT 'player-session', '0xa', seq, 'OfferMade', '{"n":' || seq || '}', 1000 + seq FROM n;
            """);
        var store = new SqliteGrainStore(db.ConnectionString, TimeProvider.System);
        await using (store)
        {
            await store.InitializeAsync(CancellationToken.None);
            await store.WriteGrainAsync(new GrainWrite("player-session", "0xa", 0, "{}", null, [], [],
                [new JournalEntry("0xa", 41, "InterestRecorded", "{}", DateTimeOffset.UnixEpoch)], 32), CancellationToken.None);

            var journal = await store.ReadJournalAsync("player-session", "0xa", 0, CancellationToken.None);
            Assert.Equal(Enumerable.Range(10, 32).Select(seq => (long)seq), journal.Select(e => e.Seq));
            Assert.Equal("""{"n":10}""", journal[0].BodyJson);
        }
    }

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
