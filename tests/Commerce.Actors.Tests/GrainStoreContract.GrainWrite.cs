using System.Text;
using System.Text.Json;
using Commerce.Actors.Ledger;
using Commerce.Actors.Storage;

namespace Commerce.Actors.Tests;

/// <summary>The conditional single-grain write (Orleans' IGrainStorage contract: one grain, one ETag), as every store must do it.</summary>
public abstract partial class GrainStoreContract
{
    private static readonly DateTimeOffset WriteTime = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    private static GrainWrite Write(string key, long expected, string json, string? origins = null,
        IReadOnlyList<OutboxWrite>? outbox = null, IReadOnlyList<LedgerWrite>? ledger = null, IReadOnlyList<JournalEntry>? journal = null, int journalLength = 5) =>
        new("nft-item", key, expected, json, origins, outbox ?? [], ledger ?? [], journal ?? [], journalLength);

    private static LedgerWrite LedgerOf(string key, string note) =>
        new("nft-item", key, Guid.NewGuid(), WriteTime, Encoding.UTF8.GetBytes($$"""{"note":"{{note}}"}"""));

    private static string NoteOf(LedgerRecord record) => JsonDocument.Parse(record.Write.Entry).RootElement.GetProperty("note").GetString()!;

    private static JournalEntry JournalOf(string key, long seq) => new(key, seq, "ItemListed", $$"""{"seq":{{seq}}}""", WriteTime.AddSeconds(seq));

    [Fact]
    public async Task A_first_write_expects_no_row_and_each_write_moves_the_version_by_one()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;

        Assert.Equal(1, await store.WriteGrainAsync(Write("dragons:1", 0, """{"n":1}"""), CancellationToken.None));
        Assert.Equal(2, await store.WriteGrainAsync(Write("dragons:1", 1, """{"n":2}"""), CancellationToken.None));
        Assert.Equal(1, await store.WriteGrainAsync(Write("dragons:2", 0, """{"n":7}"""), CancellationToken.None));

        var states = await store.LoadStatesAsync("nft-item", ["dragons:1", "dragons:2"], CancellationToken.None);
        Assert.Equal(("""{"n":2}""", 2L), (states["dragons:1"].Json, states["dragons:1"].Version));
        Assert.Equal(("""{"n":7}""", 1L), (states["dragons:2"].Json, states["dragons:2"].Version));
        Assert.Null(await store.LoadStateAsync("player-session", "dragons:1", CancellationToken.None));
    }

    [Theory]
    [InlineData(0L)] // a second "first" write: the row exists
    [InlineData(1L)] // an activation that missed the last write
    [InlineData(5L)] // a version never stored
    public async Task A_write_from_a_stale_version_throws_and_writes_none_of_its_effects(long stale)
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        await store.WriteGrainAsync(Write("dragons:1", 0, """{"n":1}""", origins: """{"p":1}""",
            outbox: [new OutboxWrite("commerce.item-events", "dragons:1", [1])], ledger: [LedgerOf("dragons:1", "first")],
            journal: [JournalOf("dragons:1", 1)]), CancellationToken.None);
        await store.WriteGrainAsync(Write("dragons:1", 1, """{"n":2}""", origins: """{"p":2}"""), CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<GrainVersionConflictException>(() => store.WriteGrainAsync(Write("dragons:1", stale, """{"stale":true}""",
            origins: """{"p":99}""", outbox: [new OutboxWrite("commerce.item-events", "dragons:1", [9])], ledger: [LedgerOf("dragons:1", "stale")],
            journal: [JournalOf("dragons:1", 2)]), CancellationToken.None));

        Assert.Equal(("nft-item", "dragons:1", stale, (long?)2), (conflict.GrainType, conflict.Key, conflict.Expected, conflict.Actual));
        Assert.Contains("dragons:1", conflict.Message);
        var stored = await store.LoadStateAsync("nft-item", "dragons:1", CancellationToken.None);
        Assert.Equal(("""{"n":2}""", 2L, """{"p":2}"""), (stored!.Json, stored.Version, stored.Origins));
        Assert.Equal(1, await store.CountOutboxAsync(CancellationToken.None));
        Assert.Equal(["first"], (await store.ReadLedgerAsync(0, 10, CancellationToken.None)).Select(NoteOf));
        Assert.Equal([1L], (await store.ReadJournalAsync("nft-item", "dragons:1", 0, CancellationToken.None)).Select(e => e.Seq));
    }

    [Fact]
    public async Task A_write_that_expects_a_row_where_there_is_none_throws_with_no_actual_version()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;

        var conflict = await Assert.ThrowsAsync<GrainVersionConflictException>(() =>
            store.WriteGrainAsync(Write("dragons:1", 3, "{}", outbox: [new OutboxWrite("t", "k", [1])]), CancellationToken.None));

        Assert.Null(conflict.Actual);
        Assert.Null(await store.LoadStateAsync("nft-item", "dragons:1", CancellationToken.None));
        Assert.Equal(0, await store.CountOutboxAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    public async Task Of_concurrent_writes_with_the_same_expected_version_exactly_one_wins(long expected)
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        if (expected == 1)
            await store.WriteGrainAsync(Write("dragons:1", 0, "{}"), CancellationToken.None);
        const int writers = 8;

        // Writes of other keys travel in the same groups: a conflict refuses only its own write.
        var others = Enumerable.Range(0, writers).Select(i => store.WriteGrainAsync(Write($"other:{i}", 0, "{}", outbox: [new OutboxWrite("t", $"o{i}", [2])]), CancellationToken.None)).ToList();
        var racing = Enumerable.Range(0, writers).Select(i => Task.Run(() => store.WriteGrainAsync(Write("dragons:1", expected, $$"""{"writer":{{i}}}""",
            outbox: [new OutboxWrite("t", $"w{i}", [1])], ledger: [LedgerOf("dragons:1", $"w{i}")], journal: [JournalOf("dragons:1", 10 + i)]), CancellationToken.None))).ToList();
        await Task.WhenAll(racing.Concat(others).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));

        var winners = Enumerable.Range(0, writers).Where(i => racing[i].IsCompletedSuccessfully).ToList();
        var winner = Assert.Single(winners);
        Assert.Equal(expected + 1, await racing[winner]);
        Assert.All(racing.Where((_, i) => i != winner), t => Assert.IsType<GrainVersionConflictException>(t.Exception!.InnerException));
        Assert.All(others, t => Assert.True(t.IsCompletedSuccessfully, $"a write of another key failed: {t.Exception?.InnerException?.Message}"));
        var stored = await store.LoadStateAsync("nft-item", "dragons:1", CancellationToken.None);
        Assert.Equal(($$"""{"writer":{{winner}}}""", expected + 1), (stored!.Json, stored.Version));
        // Outbox records, not rows: a store may pack the records of several writes into one row.
        await using (var lease = await store.LeaseOutboxAsync(1000, CancellationToken.None))
        {
            var keys = lease.Records.SelectMany(r => r.Messages).Select(m => m.Key).Order().ToList();
            Assert.Equal([.. Enumerable.Range(0, writers).Select(i => $"o{i}"), $"w{winner}"], keys);
        }
        Assert.Equal([$"w{winner}"], (await store.ReadLedgerAsync(0, 100, CancellationToken.None)).Select(NoteOf));
        Assert.Equal([10L + winner], (await store.ReadJournalAsync("nft-item", "dragons:1", 0, CancellationToken.None)).Select(e => e.Seq));
    }

    [Fact]
    public async Task Origins_are_stored_with_the_state_and_read_back_by_both_loads()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        const string origins = """{"commerce.item-events/3":{"high":41,"seen":[43]}}""";
        await store.WriteGrainAsync(Write("dragons:1", 0, "{}", origins: origins), CancellationToken.None);
        await store.WriteGrainAsync(Write("dragons:2", 0, "{}"), CancellationToken.None);

        Assert.Equal(origins, (await store.LoadStateAsync("nft-item", "dragons:1", CancellationToken.None))!.Origins);
        var states = await store.LoadStatesAsync("nft-item", ["dragons:1", "dragons:2"], CancellationToken.None);
        Assert.Equal(origins, states["dragons:1"].Origins);
        Assert.Null(states["dragons:2"].Origins);

        await store.WriteGrainAsync(Write("dragons:1", 1, "{}", origins: null), CancellationToken.None);
        Assert.Null((await store.LoadStateAsync("nft-item", "dragons:1", CancellationToken.None))!.Origins);
    }

    [Fact]
    public async Task Clearing_deletes_the_row_only_at_the_expected_version()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        await store.ClearGrainAsync("nft-item", "dragons:1", 0, CancellationToken.None); // nothing stored, nothing expected
        await store.WriteGrainAsync(Write("dragons:1", 0, "{}"), CancellationToken.None);
        await store.WriteGrainAsync(Write("dragons:1", 1, """{"n":2}"""), CancellationToken.None);

        var stale = await Assert.ThrowsAsync<GrainVersionConflictException>(() => store.ClearGrainAsync("nft-item", "dragons:1", 1, CancellationToken.None));
        var none = await Assert.ThrowsAsync<GrainVersionConflictException>(() => store.ClearGrainAsync("nft-item", "dragons:1", 0, CancellationToken.None));
        Assert.Equal((2L, 2L), (stale.Actual!.Value, none.Actual!.Value));
        Assert.Equal(2, (await store.LoadStateAsync("nft-item", "dragons:1", CancellationToken.None))!.Version);

        await store.ClearGrainAsync("nft-item", "dragons:1", 2, CancellationToken.None);
        Assert.Null(await store.LoadStateAsync("nft-item", "dragons:1", CancellationToken.None));
        var gone = await Assert.ThrowsAsync<GrainVersionConflictException>(() => store.ClearGrainAsync("nft-item", "dragons:1", 2, CancellationToken.None));
        Assert.Null(gone.Actual);
        Assert.Equal(1, await store.WriteGrainAsync(Write("dragons:1", 0, """{"again":true}"""), CancellationToken.None));
    }

    [Fact]
    public async Task A_grain_writes_journal_keeps_its_newest_entries()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        await store.WriteGrainAsync(Write("dragons:1", 0, "{}", journal: [JournalOf("dragons:1", 1), JournalOf("dragons:1", 2)], journalLength: 3), CancellationToken.None);
        await store.WriteGrainAsync(Write("dragons:2", 0, "{}", journal: [JournalOf("dragons:2", 1)], journalLength: 3), CancellationToken.None);
        await store.WriteGrainAsync(Write("dragons:1", 1, "{}", journal: [JournalOf("dragons:1", 3), JournalOf("dragons:1", 4), JournalOf("dragons:1", 5)], journalLength: 3), CancellationToken.None);

        var journal = await store.ReadJournalAsync("nft-item", "dragons:1", 0, CancellationToken.None);
        Assert.Equal([3L, 4L, 5L], journal.Select(e => e.Seq));
        Assert.Equal(JournalOf("dragons:1", 4), journal[1]);
        Assert.Equal([1L], (await store.ReadJournalAsync("nft-item", "dragons:2", 0, CancellationToken.None)).Select(e => e.Seq));
    }

    [Fact]
    public async Task A_write_with_more_journal_entries_than_kept_keeps_the_newest()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        await store.WriteGrainAsync(Write("dragons:1", 0, "{}", journal: [.. Enumerable.Range(1, 8).Select(seq => JournalOf("dragons:1", seq))], journalLength: 3), CancellationToken.None);

        Assert.Equal([6L, 7L, 8L], (await store.ReadJournalAsync("nft-item", "dragons:1", 0, CancellationToken.None)).Select(e => e.Seq));
        Assert.Equal([8L], (await store.ReadJournalAsync("nft-item", "dragons:1", 7, CancellationToken.None)).Select(e => e.Seq));
    }

    [Fact]
    public async Task Grain_writes_chain_their_ledger_entries_after_the_batch_commits_ones()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        await store.CommitAsync(new GrainBatchCommit("order", LedgerCursor(20), null, 1, [], [], Ledger: [Entry("0x01", "5")]), CancellationToken.None);
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            store.WriteGrainAsync(Write($"dragons:{i}", 0, "{}", ledger: [LedgerOf($"dragons:{i}", "a"), LedgerOf($"dragons:{i}", "b")]), CancellationToken.None)));

        var verification = await LedgerVerifier.VerifyAsync(store, CancellationToken.None);
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(21, verification.Entries);
        var rows = await store.ReadLedgerAsync(1, 100, CancellationToken.None);
        for (var i = 0; i < rows.Count; i += 2)
            Assert.Equal(rows[i].Write.Key, rows[i + 1].Write.Key); // a write's entries stay together
    }

    [Fact]
    public async Task A_write_whose_journal_names_another_key_is_refused_before_anything_is_written()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;

        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            store.WriteGrainAsync(Write("dragons:1", 0, "{}", journal: [JournalOf("dragons:2", 1)]), CancellationToken.None));

        Assert.Contains("Journal", refused.Message);
        Assert.Null(await store.LoadStateAsync("nft-item", "dragons:1", CancellationToken.None));
    }

    [Fact]
    public async Task A_database_from_before_the_origins_column_gets_it_at_start()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        await store.CommitAsync(new GrainBatchCommit("nft-item", Cursor, null, 1, [new StateWrite("dragons:1", """{"old":true}""", 4)], []), CancellationToken.None);
        await ExecuteSqlAsync("ALTER TABLE grain_state DROP COLUMN origins");

        var (again, againCleanup) = await OpenSameDatabaseAsync();
        await using var __ = againCleanup;

        var old = await again.LoadStateAsync("nft-item", "dragons:1", CancellationToken.None);
        Assert.Equal(("""{"old":true}""", 4L, (string?)null), (old!.Json, old.Version, old.Origins));
        Assert.Equal(5, await again.WriteGrainAsync(Write("dragons:1", 4, "{}", origins: "{}"), CancellationToken.None));
        Assert.Equal("{}", (await again.LoadStateAsync("nft-item", "dragons:1", CancellationToken.None))!.Origins);
    }
}
