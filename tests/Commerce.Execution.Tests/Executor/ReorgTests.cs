using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Events.Chain;
using Commerce.Execution.Storage;
using Commerce.Testing;
using Commerce.Execution.Tests.Support;
using static Commerce.Execution.Tests.Support.ExecutorHarness;

namespace Commerce.Execution.Tests.Executor;

public sealed class ReorgTests : IAsyncLifetime
{
    private static readonly EthAddress Recipient = EthAddress.FromBytes(Keccak256.HashUtf8("reorg-recipient").AsSpan(12));

    private AnvilNode _node = null!;

    public async Task InitializeAsync() => _node = await AnvilNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task A_transaction_whose_block_leaves_the_chain_is_reported_resubmitted_and_confirmed_only_on_the_new_chain()
    {
        await using var harness = await StartAsync(_node, o => o.ConfirmationDepth = 3);
        await _node.Anvil.SetAutomineAsync(false);
        await harness.AcceptAsync(Transfer("t1", Recipient, 9));
        await harness.PassAsync();
        var snapshot = await _node.Anvil.SnapshotAsync();
        await harness.MineAndPassAsync();
        var first = await harness.CommandAsync("t1");
        Assert.Equal(CommandStatus.Mined, first.Status);

        // The block holding t1 is replaced by a longer chain of empty blocks; t1 is gone from the node.
        await _node.Anvil.RevertAsync(snapshot);
        await _node.MineAsync(2);
        await harness.PassAsync();

        var reorged = await harness.CommandAsync("t1");
        Assert.Equal(CommandStatus.Submitted, reorged.Status);
        Assert.Null(reorged.BlockHash);
        await harness.MineAndPassAsync();
        var again = await harness.CommandAsync("t1");
        Assert.Equal(CommandStatus.Mined, again.Status);
        Assert.NotEqual(first.BlockHash, again.BlockHash);
        await harness.MineAndPassAsync(2);

        var events = (await harness.EventsAsync()).Where(e => e.CommandId == "t1").ToList();
        Assert.Equal([ChainTransactionUpdated.Submitted, ChainTransactionUpdated.Mined, ChainTransactionUpdated.Reorged, ChainTransactionUpdated.Mined, ChainTransactionUpdated.Confirmed],
            events.Select(e => e.Stage));
        Assert.Equal(first.BlockHash, events[2].BlockHash);
        Assert.Equal(again.BlockHash, events[^1].BlockHash);
        Assert.DoesNotContain(events, e => e.Stage == ChainTransactionUpdated.Confirmed && e.BlockHash == first.BlockHash);
        Assert.Equal(new BigInteger(9), await _node.Eth.GetBalanceAsync(Recipient));
        Assert.Equal(1UL, await _node.Eth.GetTransactionCountAsync(HotKey.Address));
    }

    [Fact]
    public async Task With_interval_mining_and_a_reorg_every_command_confirms_exactly_once_with_contiguous_nonces()
    {
        // The reorg replaces two blocks; the confirmation depth is deeper than that.
        await using var harness = await StartAsync(_node, o => o.ConfirmationDepth = 3);
        await _node.Anvil.SetAutomineAsync(false);
        await harness.AcceptAsync(Enumerable.Range(0, 10).Select(i => Transfer($"a{i}", Recipient, 1)).ToArray());
        await harness.PassAsync();
        var snapshot = await _node.Anvil.SnapshotAsync();
        await harness.MineAndPassAsync();
        await harness.AcceptAsync(Enumerable.Range(0, 10).Select(i => Transfer($"b{i}", Recipient, 1)).ToArray());
        await harness.PassAsync();
        await harness.MineAndPassAsync();
        await _node.Anvil.RevertAsync(snapshot);
        await _node.Anvil.SetIntervalMiningAsync(1);

        await Eventually.Until(async () =>
        {
            await harness.PassAsync();
            return (await harness.Store.LoadAllAsync(HotKey.Address, default)).All(c => c.Status == CommandStatus.Confirmed);
        }, TimeSpan.FromSeconds(30), () => "all 20 commands confirmed after the reorg, got " + string.Join(" ",
            harness.Store.LoadAllAsync(HotKey.Address, default).GetAwaiter().GetResult().Select(c => $"{c.Nonce}:{c.Status}:{c.Attempts.Count}:{c.LastError}"))
            + $" chain nonce {_node.Eth.GetTransactionCountAsync(HotKey.Address).GetAwaiter().GetResult()} pending {_node.Eth.GetTransactionCountAsync(HotKey.Address, Chain.JsonRpc.BlockTag.Pending).GetAwaiter().GetResult()}");

        var all = await harness.Store.LoadAllAsync(HotKey.Address, default);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (ulong)i), all.Select(c => c.Nonce!.Value));
        Assert.Equal(new BigInteger(20), await _node.Eth.GetBalanceAsync(Recipient));
        var confirmations = (await harness.EventsAsync()).Where(e => e.Stage == ChainTransactionUpdated.Confirmed).ToList();
        Assert.Equal(20, confirmations.Select(e => e.CommandId).Distinct().Count());
        Assert.Equal(20, confirmations.Count);
        foreach (var confirmed in confirmations)
        {
            var block = await _node.Eth.GetBlockByNumberAsync(confirmed.BlockNumber!.Value);
            Assert.Equal(block!.Hash, confirmed.BlockHash);
        }
    }
}
