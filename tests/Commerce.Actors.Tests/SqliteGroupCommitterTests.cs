using Commerce.Actors.Storage;
using Microsoft.Data.Sqlite;

namespace Commerce.Actors.Tests;

public sealed class SqliteGroupCommitterTests
{
    private static async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        return connection;
    }

    [Fact]
    public async Task A_write_that_finds_the_connection_in_a_bad_state_makes_the_next_group_use_a_new_connection()
    {
        var first = await OpenAsync();
        await using var committer = new SqliteGroupCommitter(first, async broken =>
        {
            await broken.DisposeAsync();
            return await OpenAsync();
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            committer.WriteAsync<bool>((_, _) => throw new InvalidOperationException("the transaction object is not associated with this connection"), CancellationToken.None));
        var used = await committer.WriteAsync((connection, _) => Task.FromResult(connection), CancellationToken.None);

        Assert.NotSame(first, used);
        Assert.Equal(1, committer.Reopened);
    }

    [Fact]
    public async Task A_refused_write_keeps_the_connection()
    {
        var first = await OpenAsync();
        await using var committer = new SqliteGroupCommitter(first, _ => throw new InvalidOperationException("must not reopen"));
        var cursor = new PartitionCursor("g", "e", "t", 0);

        await Assert.ThrowsAsync<CursorMovedException>(() =>
            committer.WriteAsync<bool>((_, _) => throw new CursorMovedException(cursor, null, 3), CancellationToken.None));
        var used = await committer.WriteAsync((connection, _) => Task.FromResult(connection), CancellationToken.None);

        Assert.Same(first, used);
        Assert.Equal(0, committer.Reopened);
    }

    [Fact]
    public async Task A_store_initialized_by_several_services_at_once_keeps_one_writer_and_commits()
    {
        using var db = new TempDatabase();
        await using var store = new SqliteGrainStore(db.ConnectionString, TimeProvider.System);
        // The platform and each chain watcher initialize the store they share, at the same time; a second
        // initialization must not open a second writer (two group committers on one connection).
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.InitializeAsync(CancellationToken.None))));
        await store.InitializeAsync(CancellationToken.None);
        Assert.Equal(1, store.WritersOpened);
        var cursor = new PartitionCursor("g", "e", "commerce.item-events", 0);

        for (var offset = 0; offset < 20; offset++)
        {
            await store.CommitAsync(new GrainBatchCommit("nft-item", cursor, offset == 0 ? null : offset - 1, offset,
                [new StateWrite($"dragons:{offset}", "{}", 1)], []), CancellationToken.None);
        }

        Assert.Equal(19, await store.LoadCursorAsync(cursor, CancellationToken.None));
        Assert.Equal(1, store.WritersOpened);
    }
}
