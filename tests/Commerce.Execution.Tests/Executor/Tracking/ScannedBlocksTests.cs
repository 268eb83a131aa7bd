using Commerce.Execution.Executor.Tracking;

namespace Commerce.Execution.Tests.Executor.Tracking;

public sealed class ScannedBlocksTests
{
    [Fact]
    public void A_block_extends_the_scan_only_when_its_parent_is_the_block_scanned_below_it()
    {
        var blocks = new ScannedBlocks(keep: 10);
        blocks.StartAfter(9);
        Assert.True(blocks.TryAppend(10, "0xa10", "0xa9"));

        Assert.False(blocks.TryAppend(11, "0xb11", "0xb10"));
        Assert.Equal(10UL, blocks.Last);
        Assert.True(blocks.TryAppend(11, "0xA11", "0xA10"));
        Assert.Equal(11UL, blocks.Last);
    }

    [Fact]
    public async Task A_reorg_walks_back_to_the_fork_and_drops_only_the_blocks_that_left_the_chain()
    {
        var blocks = Scanned(10, 14, "a");
        // Blocks 13 and 14 were replaced; 12 and below are still canonical.
        var canonical = new Dictionary<ulong, string> { [10] = "a10", [11] = "a11", [12] = "a12", [13] = "b13", [14] = "b14" };
        var asked = new List<ulong>();

        var dropped = await blocks.RewindAsync(n =>
        {
            asked.Add(n);
            return Task.FromResult<string?>(canonical[n]);
        });

        Assert.Equal([new DroppedBlock(14, "a14", "b14"), new DroppedBlock(13, "a13", "b13")], dropped);
        Assert.Equal(12UL, blocks.Last);
        Assert.Equal([14UL, 13UL, 12UL], asked);
        Assert.True(blocks.TryAppend(13, "b13", "a12"));
    }

    [Fact]
    public async Task A_block_the_node_no_longer_has_counts_as_dropped()
    {
        var blocks = Scanned(5, 6, "a");

        var dropped = await blocks.RewindAsync(n => Task.FromResult(n == 5 ? "a5" : null));

        Assert.Equal([new DroppedBlock(6, "a6", null)], dropped);
        Assert.Equal(5UL, blocks.Last);
    }

    [Fact]
    public async Task Without_a_reorg_nothing_is_dropped()
    {
        var blocks = Scanned(1, 3, "a");

        var dropped = await blocks.RewindAsync(n => Task.FromResult<string?>($"A{n}"));

        Assert.Empty(dropped);
        Assert.Equal(3UL, blocks.Last);
    }

    [Fact]
    public void Rescanning_from_a_reorged_height_forgets_that_block_and_the_ones_above()
    {
        var blocks = Scanned(1, 5, "a");

        blocks.RescanFrom(4);

        Assert.Equal(3UL, blocks.Last);
        Assert.True(blocks.TryAppend(4, "b4", "a3"));
        blocks.RescanFrom(9);
        Assert.Equal(4UL, blocks.Last);
    }

    [Fact]
    public async Task Only_the_newest_blocks_are_kept_and_a_rewind_stops_below_them()
    {
        var blocks = Scanned(1, 6, "a", keep: 3);

        var dropped = await blocks.RewindAsync(_ => Task.FromResult<string?>("other"));

        Assert.Equal([6UL, 5UL, 4UL], dropped.Select(d => d.Number));
        Assert.Equal(3UL, blocks.Last);
    }

    private static ScannedBlocks Scanned(ulong from, ulong to, string prefix, int keep = 100)
    {
        var blocks = new ScannedBlocks(keep);
        blocks.StartAfter(from - 1);
        for (var n = from; n <= to; n++)
            Assert.True(blocks.TryAppend(n, $"{prefix}{n}", $"{prefix}{n - 1}"));
        return blocks;
    }
}
