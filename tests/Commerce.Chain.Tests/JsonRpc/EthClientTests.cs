using Commerce.Chain.Tests.Anvil;
using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using Commerce.Testing.Anvil;
using Commerce.Chain.Transactions;

namespace Commerce.Chain.Tests.JsonRpc;

/// <summary>The typed eth_ and anvil_ methods against a real node.</summary>
[Collection(nameof(AnvilCollection))]
public class EthClientTests(AnvilFixture anvil)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Chain_id_and_block_number_are_read()
    {
        Assert.Equal(AnvilFixture.ChainId, await anvil.Eth.GetChainIdAsync());
        var before = await anvil.Eth.GetBlockNumberAsync();
        await anvil.Anvil.MineAsync();
        Assert.Equal(before + 1, await anvil.Eth.GetBlockNumberAsync());
    }

    [Fact]
    public async Task A_block_has_hash_parent_number_and_base_fee()
    {
        await anvil.Anvil.MineAsync();
        var latest = (await anvil.Eth.GetBlockByNumberAsync(BlockTag.Latest))!;
        var parent = (await anvil.Eth.GetBlockByNumberAsync(latest.Number!.Value - 1))!;
        Assert.Matches("^0x[0-9a-f]{64}$", latest.Hash);
        Assert.Equal(parent.Hash, latest.ParentHash);
        Assert.NotNull(latest.BaseFeePerGas);
        Assert.True(latest.GasLimit > 0);
        Assert.Null(await anvil.Eth.GetBlockByNumberAsync(latest.Number!.Value + 1000));
    }

    [Fact]
    public async Task Fee_history_and_priority_fee_are_read()
    {
        await anvil.Anvil.MineAsync();
        await anvil.Anvil.MineAsync();
        var history = await anvil.Eth.GetFeeHistoryAsync(2, BlockTag.Latest, [25, 75]);
        Assert.Equal(3, history.BaseFeePerGas.Count);
        Assert.Equal(2, history.GasUsedRatio.Count);
        Assert.Equal(2, history.Reward!.Count);
        Assert.Equal(2, history.Reward[0].Count);
        Assert.True(await anvil.Eth.GetMaxPriorityFeePerGasAsync() >= 0);
    }

    [Fact]
    public async Task Snapshot_and_revert_restore_a_balance()
    {
        var account = EthPrivateKey.Generate().Address;
        var snapshot = await anvil.Anvil.SnapshotAsync();
        await anvil.Anvil.SetBalanceAsync(account, BigInteger.Pow(10, 18));
        Assert.Equal(BigInteger.Pow(10, 18), await anvil.Eth.GetBalanceAsync(account));
        Assert.True(await anvil.Anvil.RevertAsync(snapshot), "expected the snapshot to exist");
        Assert.Equal(BigInteger.Zero, await anvil.Eth.GetBalanceAsync(account));
    }

    [Fact]
    public async Task Pending_nonce_counts_a_transaction_before_it_is_mined()
    {
        var key = AnvilFixture.DevKeys[2];
        await anvil.Anvil.SetAutomineAsync(false);
        try
        {
            var latest = await anvil.Eth.GetTransactionCountAsync(key.Address, BlockTag.Latest);
            var transfer = new LegacyTransaction
            {
                ChainId = AnvilFixture.ChainId, Nonce = latest, GasPrice = 10_000_000_000, GasLimit = 21_000,
                To = EthPrivateKey.Generate().Address, Value = 1,
            }.SignWith(key);
            await anvil.Eth.SendRawTransactionAsync(transfer);

            Assert.Equal(latest + 1, await anvil.Eth.GetTransactionCountAsync(key.Address, BlockTag.Pending));
            Assert.Equal(latest, await anvil.Eth.GetTransactionCountAsync(key.Address, BlockTag.Latest));
            Assert.Null(await anvil.Eth.GetTransactionReceiptAsync(transfer.Hash));

            await anvil.Anvil.MineAsync();
            Assert.Equal(latest + 1, await anvil.Eth.GetTransactionCountAsync(key.Address, BlockTag.Latest));
            Assert.True((await anvil.Eth.GetTransactionReceiptAsync(transfer.Hash))!.Succeeded);
        }
        finally
        {
            await anvil.Anvil.SetAutomineAsync(true);
        }
    }

    [Fact]
    public async Task Interval_mining_produces_blocks_on_its_own()
    {
        var start = await anvil.Eth.GetBlockNumberAsync();
        await anvil.Anvil.SetIntervalMiningAsync(1);
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
            ulong current;
            while ((current = await anvil.Eth.GetBlockNumberAsync()) < start + 2)
            {
                Assert.True(watch.Elapsed < Deadline, $"expected interval mining to reach block {start + 2} within {Deadline}, still at {current}");
                await poll.WaitForNextTickAsync();
            }
        }
        finally
        {
            await anvil.Anvil.SetIntervalMiningAsync(0);
            await anvil.Anvil.SetAutomineAsync(true);
        }
        Assert.True(await anvil.Anvil.GetAutomineAsync(), "expected automine to be back on");
    }
}
