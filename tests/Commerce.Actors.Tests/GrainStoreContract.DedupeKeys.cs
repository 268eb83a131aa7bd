using Commerce.Actors.Storage;

namespace Commerce.Actors.Tests;

/// <summary>Dedupe keys (effects a grain applied once ever): stored with the write, for good, and never twice.</summary>
public abstract partial class GrainStoreContract
{
    private static GrainWrite KeyedWrite(string key, long expected, string json, params string[] dedupeKeys) =>
        new("custody-account", key, expected, json, null, [new OutboxWrite("commerce.player-pushes", key, [1])], [], [], 0, dedupeKeys);

    [Fact]
    public async Task Dedupe_keys_are_stored_with_the_write_and_found_for_their_grain_only()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;

        await store.WriteGrainAsync(KeyedWrite("0xaa", 0, """{"n":1}""", "deposit:0x01", "deposit:0x02"), CancellationToken.None);

        Assert.Equal(["deposit:0x01", "deposit:0x02"],
            (await store.LoadDedupeKeysAsync("custody-account", "0xaa", ["deposit:0x01", "deposit:0x02", "deposit:0x03"], CancellationToken.None)).Order());
        Assert.Empty(await store.LoadDedupeKeysAsync("order", "0xaa", ["deposit:0x01"], CancellationToken.None));
        Assert.Empty(await store.LoadDedupeKeysAsync("custody-account", "0xbb", ["deposit:0x01"], CancellationToken.None));
        Assert.Empty(await store.LoadDedupeKeysAsync("custody-account", "0xaa", [], CancellationToken.None));
    }

    [Fact]
    public async Task A_write_naming_a_stored_dedupe_key_is_refused_whole_and_changes_nothing()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        await store.WriteGrainAsync(KeyedWrite("0xaa", 0, """{"n":1}""", "deposit:0x01"), CancellationToken.None);

        var again = await Assert.ThrowsAsync<DedupeKeyTakenException>(() =>
            store.WriteGrainAsync(KeyedWrite("0xaa", 1, """{"n":2}""", "deposit:0x02", "deposit:0x01"), CancellationToken.None));
        Assert.Equal(["deposit:0x01"], again.DedupeKeys);
        await Assert.ThrowsAsync<DedupeKeyTakenException>(() =>
            store.WriteGrainAsync(KeyedWrite("0xaa", 1, """{"n":3}""", "deposit:0x01"), CancellationToken.None));

        // Nothing of the refused writes: not the state, not the outbox, not their other key.
        var stored = await store.LoadStateAsync("custody-account", "0xaa", CancellationToken.None);
        Assert.Equal(("""{"n":1}""", 1L), (stored!.Json, stored.Version));
        Assert.Equal(1, await store.CountOutboxAsync(CancellationToken.None));
        Assert.Empty(await store.LoadDedupeKeysAsync("custody-account", "0xaa", ["deposit:0x02"], CancellationToken.None));
        Assert.Equal(2, await store.WriteGrainAsync(KeyedWrite("0xaa", 1, """{"n":2}""", "deposit:0x02"), CancellationToken.None));
    }

    [Fact]
    public async Task Writes_at_once_naming_one_dedupe_key_store_it_once_per_grain()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        for (var i = 0; i < 4; i++)
            await store.WriteGrainAsync(new GrainWrite("custody-account", $"0x{i:x2}", 0, "{}", null, [], [], [], 0), CancellationToken.None);

        // Two stale activations of each grain (versions 1 and 2 stored by neither) and a current one, all at once.
        var writes = Enumerable.Range(0, 4).SelectMany(i => new[] { 1L, 1L, 1L }.Select(v => Attempt(store.WriteGrainAsync(KeyedWrite($"0x{i:x2}", v, "{}", "payment:0x01:0"), CancellationToken.None)))).ToList();
        var outcomes = await Task.WhenAll(writes);

        Assert.Equal(4, outcomes.Count(o => o is null));
        Assert.All(outcomes.Where(o => o is not null), o => Assert.True(o is DedupeKeyTakenException or GrainVersionConflictException, o!.ToString()));
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(2, (await store.LoadStateAsync("custody-account", $"0x{i:x2}", CancellationToken.None))!.Version);
            Assert.Single(await store.LoadDedupeKeysAsync("custody-account", $"0x{i:x2}", ["payment:0x01:0"], CancellationToken.None));
        }
    }

    private static async Task<Exception?> Attempt(Task<long> write)
    {
        try
        {
            await write;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    [Fact]
    public async Task A_stored_dedupe_key_outlives_the_grains_state_and_a_new_store_on_the_same_database()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        await store.WriteGrainAsync(KeyedWrite("0xaa", 0, "{}", "deposit:0x01"), CancellationToken.None);
        await store.ClearGrainAsync("custody-account", "0xaa", 1, CancellationToken.None);

        var (again, closeAgain) = await OpenSameDatabaseAsync();
        await using var __ = closeAgain;
        Assert.Single(await again.LoadDedupeKeysAsync("custody-account", "0xaa", ["deposit:0x01"], CancellationToken.None));
        await Assert.ThrowsAsync<DedupeKeyTakenException>(() => again.WriteGrainAsync(KeyedWrite("0xaa", 0, "{}", "deposit:0x01"), CancellationToken.None));
    }
}
