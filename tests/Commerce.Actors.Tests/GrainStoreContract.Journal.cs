using Commerce.Actors.Storage;

namespace Commerce.Actors.Tests;

/// <summary>A grain's journal (its bounded, numbered history beside the state), as every store must keep it.</summary>
public abstract partial class GrainStoreContract
{
    private static readonly DateTimeOffset JournalTime = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static JournalEntry Journal(string key, long seq) => new(key, seq, seq % 2 == 0 ? "OfferMade" : "InterestRecorded", $$"""{"n":{{seq}}}""", JournalTime.AddSeconds(seq));

    private static GrainBatchCommit JournalCommit(long? expected, long applied, IReadOnlyList<JournalEntry> entries) =>
        new("player-session", Cursor, expected, applied, [new StateWrite(entries[0].Key, "{}", applied)], [], Journal: entries, JournalLength: 3);

    [Fact]
    public async Task A_journal_keeps_the_newest_entries_of_each_key_in_order()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        await store.CommitAsync(JournalCommit(null, 1, [Journal("0xa", 1), Journal("0xa", 2), Journal("0xb", 1)]), CancellationToken.None);
        await store.CommitAsync(JournalCommit(1, 2, [Journal("0xa", 3), Journal("0xa", 4), Journal("0xa", 5)]), CancellationToken.None);

        var a = await store.ReadJournalAsync("player-session", "0xa", 0, CancellationToken.None);
        Assert.Equal([3L, 4L, 5L], a.Select(e => e.Seq));
        Assert.Equal(Journal("0xa", 4), a[1]);
        Assert.Equal([5L], (await store.ReadJournalAsync("player-session", "0xa", 4, CancellationToken.None)).Select(e => e.Seq));
        Assert.Equal([1L], (await store.ReadJournalAsync("player-session", "0xb", 0, CancellationToken.None)).Select(e => e.Seq));
        Assert.Empty(await store.ReadJournalAsync("nft-item", "0xa", 0, CancellationToken.None));
    }

    [Fact]
    public async Task A_fenced_commit_appends_nothing_to_the_journal()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        await store.CommitAsync(JournalCommit(null, 1, [Journal("0xa", 1)]), CancellationToken.None);

        await Assert.ThrowsAsync<CursorMovedException>(() => store.CommitAsync(JournalCommit(null, 2, [Journal("0xa", 2)]), CancellationToken.None));

        Assert.Equal([1L], (await store.ReadJournalAsync("player-session", "0xa", 0, CancellationToken.None)).Select(e => e.Seq));
    }
}
