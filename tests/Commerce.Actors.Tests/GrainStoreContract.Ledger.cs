using System.Text;
using Commerce.Actors.Ledger;
using Commerce.Actors.Storage;

namespace Commerce.Actors.Tests;

/// <summary>The hash-chained ledger of decision D9, as every store must keep it.</summary>
public abstract partial class GrainStoreContract
{
    private static LedgerWrite Entry(string key, string amount) =>
        new("order", key, Guid.NewGuid(), DateTimeOffset.UtcNow, Encoding.UTF8.GetBytes($$"""{"kind":"payment.purchased","amount":"{{amount}}"}"""));

    private static PartitionCursor LedgerCursor(int partition) => new("grains.ledger", "epoch-1", "commerce.order-events", partition);

    [Fact]
    public async Task Ledger_entries_are_chained_across_commits_and_verify_intact()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        Assert.True((await LedgerVerifier.VerifyAsync(store, CancellationToken.None)).Intact, "an empty ledger is intact");

        await store.CommitAsync(new GrainBatchCommit("order", LedgerCursor(0), null, 1, [], [], Ledger: [Entry("0x01", "5"), Entry("0x02", "7")]), CancellationToken.None);
        await store.CommitAsync(new GrainBatchCommit("order", LedgerCursor(0), 1, 2, [], []), CancellationToken.None);
        await store.CommitAsync(new GrainBatchCommit("order", LedgerCursor(0), 2, 3, [], [], Ledger: [Entry("0x03", "9")]), CancellationToken.None);

        var rows = await store.ReadLedgerAsync(0, 10, CancellationToken.None);
        Assert.Equal([1L, 2L, 3L], rows.Select(r => r.Seq));
        Assert.Equal(LedgerChain.Genesis, rows[0].PreviousHash);
        Assert.Equal(rows[0].Hash, rows[1].PreviousHash);
        Assert.Equal(rows[1].Hash, rows[2].PreviousHash);
        Assert.Equal(["0x01", "0x02", "0x03"], rows.Select(r => r.Write.Key));
        var verification = await LedgerVerifier.VerifyAsync(store, CancellationToken.None);
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(3, verification.Entries);
        Assert.Equal(rows[2].Hash, verification.HeadHash);
    }

    [Fact]
    public async Task A_fenced_commit_appends_nothing_to_the_ledger()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        await store.CommitAsync(new GrainBatchCommit("order", LedgerCursor(1), null, 5, [], [], Ledger: [Entry("0x01", "5")]), CancellationToken.None);

        await Assert.ThrowsAsync<CursorMovedException>(() =>
            store.CommitAsync(new GrainBatchCommit("order", LedgerCursor(1), null, 9, [], [], Ledger: [Entry("0x02", "6")]), CancellationToken.None));

        Assert.Equal(["0x01"], (await store.ReadLedgerAsync(0, 10, CancellationToken.None)).Select(r => r.Write.Key));
        Assert.True((await LedgerVerifier.VerifyAsync(store, CancellationToken.None)).Intact);
    }

    [Fact]
    public async Task Concurrent_commits_of_many_partitions_make_one_unbroken_chain()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        const int partitions = 6, commits = 15;
        await Task.WhenAll(Enumerable.Range(0, partitions).Select(p => Task.Run(async () =>
        {
            for (var i = 0; i < commits; i++)
            {
                await store.CommitAsync(new GrainBatchCommit("order", LedgerCursor(10 + p), i == 0 ? null : i, i + 1, [], [],
                    Ledger: [Entry($"p{p}-{i}a", "1"), Entry($"p{p}-{i}b", "2")]), CancellationToken.None);
            }
        })));

        var verification = await LedgerVerifier.VerifyAsync(store, CancellationToken.None);
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(partitions * commits * 2, verification.Entries);
        // Each commit's two entries stay next to each other.
        var rows = await store.ReadLedgerAsync(0, 1000, CancellationToken.None);
        for (var i = 0; i < rows.Count; i += 2)
            Assert.Equal(rows[i].Write.Key[..^1] + "b", rows[i + 1].Write.Key);
    }

    [Theory]
    [InlineData("UPDATE ledger SET entry = prev_hash WHERE seq = 2", 2L, "altered")]
    [InlineData("DELETE FROM ledger WHERE seq = 2", 2L, "removed")]
    [InlineData("UPDATE ledger SET key = '0xevil' WHERE seq = 3", 3L, "altered")]
    public async Task Tampering_with_a_stored_entry_is_found_at_that_entry(string sql, long brokenAt, string problem)
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        await store.CommitAsync(new GrainBatchCommit("order", LedgerCursor(2), null, 1, [], [],
            Ledger: [Entry("0x01", "5"), Entry("0x02", "7"), Entry("0x03", "9"), Entry("0x04", "11")]), CancellationToken.None);

        await ExecuteSqlAsync(sql);

        var verification = await LedgerVerifier.VerifyAsync(store, CancellationToken.None);
        Assert.False(verification.Intact, $"expected a break at entry {brokenAt} after: {sql}");
        Assert.Equal(brokenAt, verification.BrokenAt);
        Assert.Contains(problem, verification.Problem);
        Assert.Equal(brokenAt - 1, verification.Entries);
    }
}
