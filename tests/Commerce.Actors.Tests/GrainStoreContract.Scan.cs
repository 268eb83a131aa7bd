using Commerce.Actors.Storage;

namespace Commerce.Actors.Tests;

/// <summary>The paged scan of one grain type's states by key prefix, as every store must do it.</summary>
public abstract partial class GrainStoreContract
{
    [Fact]
    public async Task A_scan_pages_through_the_keys_of_a_prefix_in_key_order_and_nothing_else()
    {
        var (store, cleanup) = await CreateAsync();
        await using var _ = cleanup;
        foreach (var key in new[] { "c1|0xbb", "c1|0xaa", "c10|0xaa", "c2|0xaa", "c1|0xcc", "c1" })
            await store.WriteGrainAsync(Write(key, 0, $$"""{"k":"{{key}}"}"""), CancellationToken.None);
        await store.WriteGrainAsync(new GrainWrite("player-session", "c1|0xdd", 0, "{}", null, [], [], [], 0), CancellationToken.None);

        var first = await store.ScanStatesAsync("nft-item", "c1|", null, 2, CancellationToken.None);
        var second = await store.ScanStatesAsync("nft-item", "c1|", first[^1].Key, 2, CancellationToken.None);
        var all = await store.ScanStatesAsync("nft-item", "", null, 100, CancellationToken.None);

        Assert.Equal(["c1|0xaa", "c1|0xbb"], first.Select(s => s.Key));
        Assert.Equal(["c1|0xcc"], second.Select(s => s.Key));
        Assert.Equal("""{"k":"c1|0xcc"}""", second[0].Json);
        Assert.Equal(["c1", "c10|0xaa", "c1|0xaa", "c1|0xbb", "c1|0xcc", "c2|0xaa"], all.Select(s => s.Key)); // byte order: "0" < "|"
    }
}
