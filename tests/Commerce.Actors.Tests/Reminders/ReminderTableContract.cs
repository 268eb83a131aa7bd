using Orleans;
using Orleans.Runtime;

namespace Commerce.Actors.Tests.Reminders;

/// <summary>What Orleans asks of a reminder table, as both of ours must do it; run against SQLite and PostgreSQL alike.</summary>
public abstract class ReminderTableContract
{
    private static readonly DateTime Start = new(2026, 12, 6, 10, 30, 15, 250, DateTimeKind.Utc);

    /// <summary>A fresh database; the function opens (and starts) a table of the given service id on it.</summary>
    protected abstract Task<(Func<string, Task<IReminderTable>> Open, IAsyncDisposable Cleanup)> CreateDatabaseAsync();

    private async Task<(IReminderTable Table, IAsyncDisposable Cleanup)> CreateAsync()
    {
        var (open, cleanup) = await CreateDatabaseAsync();
        return (await open("commerce-test"), cleanup);
    }

    private static GrainId Grain(string key) => GrainId.Create("reminder-probe", key);

    private static ReminderEntry Entry(GrainId grain, string name, int minutes = 5) =>
        new() { GrainId = grain, ReminderName = name, StartAt = Start.AddMinutes(minutes), Period = TimeSpan.FromMinutes(minutes) };

    [Fact]
    public async Task An_upserted_reminder_is_read_back_with_the_etag_the_upsert_answered()
    {
        var (table, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        var grain = Grain("dragons:1");

        var etag = await table.UpsertRow(Entry(grain, "reservation", minutes: 7));

        var row = await table.ReadRow(grain, "reservation");
        Assert.NotNull(row);
        Assert.Equal((grain, "reservation", Start.AddMinutes(7), TimeSpan.FromMinutes(7), etag), (row.GrainId, row.ReminderName, row.StartAt, row.Period, row.ETag));
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);
        Assert.False(string.IsNullOrEmpty(etag));
        Assert.Null(await table.ReadRow(grain, "other"));
        Assert.Null(await table.ReadRow(Grain("dragons:2"), "reservation"));
    }

    [Fact]
    public async Task Upserting_again_replaces_the_reminder_under_a_new_etag()
    {
        var (table, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        var grain = Grain("dragons:1");
        var first = await table.UpsertRow(Entry(grain, "reservation", minutes: 5));

        var second = await table.UpsertRow(Entry(grain, "reservation", minutes: 9));

        Assert.NotEqual(first, second);
        var row = Assert.Single((await table.ReadRows(grain)).Reminders);
        Assert.Equal((Start.AddMinutes(9), TimeSpan.FromMinutes(9), second), (row.StartAt, row.Period, row.ETag));
        Assert.False(await table.RemoveRow(grain, "reservation", first!), "the replaced reminder's etag must no longer remove it");
    }

    [Fact]
    public async Task A_reminder_is_removed_only_with_its_current_etag()
    {
        var (table, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        var grain = Grain("dragons:1");
        var etag = await table.UpsertRow(Entry(grain, "reservation"));

        Assert.False(await table.RemoveRow(grain, "reservation", etag + "0"));
        Assert.False(await table.RemoveRow(grain, "reservation", "not-a-version"));
        Assert.False(await table.RemoveRow(grain, "other", etag!));
        Assert.NotNull(await table.ReadRow(grain, "reservation"));

        Assert.True(await table.RemoveRow(grain, "reservation", etag!));
        Assert.Null(await table.ReadRow(grain, "reservation"));
        Assert.False(await table.RemoveRow(grain, "reservation", etag!), "a second removal finds no row");
    }

    [Fact]
    public async Task A_reminder_registered_again_after_its_removal_never_gets_an_old_etag_back()
    {
        var (table, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        var grain = Grain("dragons:1");
        var old = await table.UpsertRow(Entry(grain, "reservation"));
        Assert.True(await table.RemoveRow(grain, "reservation", old!));

        var renewed = await table.UpsertRow(Entry(grain, "reservation"));

        Assert.NotEqual(old, renewed);
        Assert.False(await table.RemoveRow(grain, "reservation", old!), "a stale etag from before the removal must not remove the new reminder");
        Assert.NotNull(await table.ReadRow(grain, "reservation"));
    }

    [Fact]
    public async Task A_grains_rows_are_all_its_reminders_and_only_its()
    {
        var (table, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        var (a, b) = (Grain("dragons:1"), Grain("dragons:2"));
        await table.UpsertRow(Entry(a, "reservation"));
        await table.UpsertRow(Entry(a, "expiry"));
        await table.UpsertRow(Entry(b, "reservation"));

        Assert.Equal(["expiry", "reservation"], (await table.ReadRows(a)).Reminders.Select(r => r.ReminderName).Order());
        Assert.Equal([b], (await table.ReadRows(b)).Reminders.Select(r => r.GrainId));
        Assert.Empty((await table.ReadRows(Grain("dragons:3"))).Reminders);
    }

    [Fact]
    public async Task Range_reads_follow_the_ring_with_an_exclusive_begin_and_an_inclusive_end()
    {
        var (table, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        // Grains sorted by their uniform hash: the expected rows of each range are counted by position on the ring.
        var grains = Enumerable.Range(0, 40).Select(i => Grain($"ring:{i}")).OrderBy(g => g.GetUniformHashCode()).ToList();
        var hashes = grains.Select(g => g.GetUniformHashCode()).ToList();
        Assert.Equal(grains.Count, hashes.Distinct().Count());
        Assert.True(hashes[0] > 0 && hashes[^1] < uint.MaxValue, "the boundary cases below assume no hash at the ends of the ring");
        foreach (var grain in grains)
            await table.UpsertRow(Entry(grain, "tick"));

        async Task<List<GrainId>> Range(uint begin, uint end) =>
            (await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId).OrderBy(g => g.GetUniformHashCode()).ToList();

        // begin < end: above begin (a row at begin itself is outside), up to and including end.
        Assert.Equal(grains[6..16], await Range(hashes[5], hashes[15]));
        Assert.Equal(grains[6..15], await Range(hashes[5], hashes[15] - 1));
        Assert.Equal([grains[0]], await Range(hashes[0] - 1, hashes[0]));
        Assert.Equal(grains, await Range(0, uint.MaxValue));
        // begin > end: the range wraps past the top of the ring.
        Assert.Equal(grains[..11].Concat(grains[31..]).OrderBy(g => g.GetUniformHashCode()), await Range(hashes[30], hashes[10]));
        Assert.Equal(grains[..1], await Range(uint.MaxValue, hashes[0]));
        Assert.Equal(grains[^1..], await Range(hashes[^2], 0));
        // begin == end: the whole ring.
        Assert.Equal(grains, await Range(hashes[7], hashes[7]));
        Assert.Equal(grains, await Range(0, 0));
    }

    [Fact]
    public async Task Tables_of_other_services_in_the_same_database_neither_see_nor_clear_each_others_rows()
    {
        var (open, cleanup) = await CreateDatabaseAsync();
        await using var _ = cleanup;
        var (ours, theirs) = (await open("service-a"), await open("service-b"));
        var grain = Grain("dragons:1");
        await ours.UpsertRow(Entry(grain, "reservation"));
        await theirs.UpsertRow(Entry(grain, "reservation", minutes: 9));

        Assert.Equal(TimeSpan.FromMinutes(5), Assert.Single((await ours.ReadRows(0, 0)).Reminders).Period);
        await ours.TestOnlyClearTable();

        Assert.Empty((await ours.ReadRows(grain)).Reminders);
        Assert.Equal(TimeSpan.FromMinutes(9), Assert.Single((await theirs.ReadRows(grain)).Reminders).Period);
    }

    [Fact]
    public async Task Concurrent_upserts_of_many_grains_all_land_under_distinct_etags()
    {
        var (table, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        var grains = Enumerable.Range(0, 50).Select(i => Grain($"burst:{i}")).ToList();

        var etags = await Task.WhenAll(grains.Select(g => Task.Run(() => table.UpsertRow(Entry(g, "tick")))));

        Assert.Equal(grains.Count, etags.Distinct().Count());
        Assert.Equal(grains.Count, (await table.ReadRows(0, 0)).Reminders.Count);
    }
}
