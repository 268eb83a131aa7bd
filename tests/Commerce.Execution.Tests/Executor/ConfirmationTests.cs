using Commerce.Chain.Crypto;
using Commerce.Events.Chain;
using Commerce.Execution.Storage;
using Commerce.Execution.Tests.Support;
using Commerce.Testing;
using static Commerce.Execution.Tests.Support.ExecutorHarness;

namespace Commerce.Execution.Tests.Executor;

/// <summary>
/// Mined is read from the block that lists the transaction; whether it succeeded from its receipt,
/// once, when it is deep enough to confirm; during a send burst that read waits (BurstDeferral).
/// </summary>
public sealed class ConfirmationTests : IAsyncLifetime
{
    private static readonly EthAddress Recipient = EthAddress.FromBytes(Keccak256.HashUtf8("confirmation-recipient").AsSpan(12));

    private AnvilNode _node = null!;

    public async Task InitializeAsync() => _node = await AnvilNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task A_command_without_a_gas_limit_that_would_revert_is_refused_before_sending_and_takes_no_nonce()
    {
        await using var harness = await StartAsync(_node);
        var reverting = EthAddress.FromBytes(Keccak256.HashUtf8("reverting-at-estimation").AsSpan(12));
        await _node.Anvil.SetCodeAsync(reverting, Convert.FromHexString("5f5ffd"));

        await harness.AcceptAsync(Transfer("would-revert", reverting, 0, gas: 0), Transfer("after", Recipient, 1));
        await harness.MineAndPassAsync();

        var refused = await harness.CommandAsync("would-revert");
        Assert.Equal(CommandStatus.Failed, refused.Status);
        Assert.StartsWith("refused before sending: it would revert (gas estimation:", refused.Reason, StringComparison.Ordinal);
        Assert.Null(refused.Nonce);
        Assert.Equal(0UL, (await harness.CommandAsync("after")).Nonce);
    }

    [Fact]
    public async Task A_transaction_that_reverts_is_mined_and_then_fails_as_reverted_at_the_confirmation_depth()
    {
        await using var harness = await StartAsync(_node);
        await _node.Anvil.SetAutomineAsync(false);
        // A contract that always reverts: PUSH0 PUSH0 REVERT. The gas limit is given, so no estimation refuses it first.
        var reverting = EthAddress.FromBytes(Keccak256.HashUtf8("reverting-contract").AsSpan(12));
        await _node.Anvil.SetCodeAsync(reverting, Convert.FromHexString("5f5ffd"));

        await harness.AcceptAsync(Transfer("reverts", reverting, 0, gas: 50_000), Transfer("fine", Recipient, 1));
        await harness.PassAsync();
        await harness.MineAndPassAsync();
        var mined = await harness.CommandAsync("reverts");
        Assert.Equal(CommandStatus.Mined, mined.Status);
        await harness.MineAndPassAsync();

        var failed = await harness.CommandAsync("reverts");
        Assert.Equal(CommandStatus.Failed, failed.Status);
        Assert.Equal("reverted", failed.Reason);
        Assert.False(failed.Succeeded);
        Assert.Equal(mined.BlockHash, failed.BlockHash);
        Assert.Equal([ChainTransactionUpdated.Submitted, ChainTransactionUpdated.Mined, ChainTransactionUpdated.Failed], await harness.StagesAsync("reverts"));
        Assert.Equal(CommandStatus.Confirmed, (await harness.CommandAsync("fine")).Status);
        Assert.True((await harness.CommandAsync("fine")).Succeeded);
    }

    [Fact]
    public async Task During_a_send_burst_confirmations_wait_and_follow_once_the_burst_is_over()
    {
        // MaxChunk (2) sent within one PollInterval (10 s) is a burst.
        await using var harness = await StartAsync(_node, o =>
        {
            o.MaxChunk = 2;
            o.PollInterval = TimeSpan.FromSeconds(10);
            o.BurstDeferral = TimeSpan.FromMinutes(10);
        });
        await _node.Anvil.SetAutomineAsync(false);
        await harness.AcceptAsync(Enumerable.Range(0, 3).Select(i => Transfer($"b{i}", Recipient, 1)).ToArray());
        await harness.PassAsync();

        await harness.MineAndPassAsync(2);

        var waiting = await harness.CommandAsync("b0");
        Assert.True(waiting.Status == CommandStatus.Mined, $"deep enough but in a burst: still mined, got {waiting.Status}");
        Assert.Null(waiting.Succeeded);
        await Eventually.Until(async () =>
        {
            await harness.PassAsync();
            return (await harness.Store.LoadAllAsync(HotKey.Address, default)).All(c => c.Status == CommandStatus.Confirmed);
        }, TimeSpan.FromSeconds(60), () => "all three confirmed once no transaction was sent for a PollInterval");
        Assert.Equal([ChainTransactionUpdated.Submitted, ChainTransactionUpdated.Mined, ChainTransactionUpdated.Confirmed], await harness.StagesAsync("b2"));
    }

    [Fact]
    public async Task A_burst_postpones_confirmations_for_at_most_BurstDeferral()
    {
        // The burst never ends within the test (PollInterval of an hour); BurstDeferral ends the wait.
        await using var harness = await StartAsync(_node, o =>
        {
            o.MaxChunk = 2;
            o.PollInterval = TimeSpan.FromHours(1);
            o.BurstDeferral = TimeSpan.FromSeconds(2);
        });
        await _node.Anvil.SetAutomineAsync(false);
        await harness.AcceptAsync(Transfer("p0", Recipient, 1), Transfer("p1", Recipient, 1));
        await harness.PassAsync();
        await harness.MineAndPassAsync(2);
        Assert.Equal(CommandStatus.Mined, (await harness.CommandAsync("p0")).Status);

        await Eventually.Until(async () =>
        {
            await harness.PassAsync();
            return (await harness.CommandAsync("p1")).Status == CommandStatus.Confirmed;
        }, TimeSpan.FromSeconds(60), () => "p1 confirmed once BurstDeferral (2 s) passed, burst or not");
    }

    [Fact]
    public async Task With_BurstDeferral_zero_a_burst_confirms_at_once()
    {
        await using var harness = await StartAsync(_node, o =>
        {
            o.MaxChunk = 1;
            o.PollInterval = TimeSpan.FromHours(1);
            o.BurstDeferral = TimeSpan.Zero;
        });
        await _node.Anvil.SetAutomineAsync(false);
        await harness.AcceptAsync(Transfer("z0", Recipient, 1), Transfer("z1", Recipient, 1));
        await harness.PassAsync();

        await harness.MineAndPassAsync(2);

        Assert.Equal(CommandStatus.Confirmed, (await harness.CommandAsync("z1")).Status);
    }

    [Fact]
    public async Task Commands_another_instance_accepted_are_sent_by_this_tracker()
    {
        // No periodic reread: what this tracker learns of the other instance, it learns from the paths under test.
        await using var here = await StartAsync(_node, o => o.ReloadInterval = TimeSpan.FromHours(1));
        await using var elsewhere = await here.RestartAsync(o => o.ReloadInterval = TimeSpan.FromHours(1));
        await _node.Anvil.SetAutomineAsync(false);
        await here.AcceptAsync(Transfer("a", Recipient, 1));
        await here.PassAsync();

        // Nothing new handed over in memory: the chain observation reads the store.
        await elsewhere.AcceptAsync(Transfer("b", Recipient, 1));
        await here.PassAsync();
        Assert.Equal(CommandStatus.Submitted, (await here.CommandAsync("b")).Status);

        // This instance's next command follows a nonce taken elsewhere: the gap sends the tracker to the store.
        await elsewhere.AcceptAsync(Transfer("c", Recipient, 1));
        await Assert.ThrowsAsync<NonceMovedException>(() => here.AcceptAsync(Transfer("d", Recipient, 1)));
        await here.AcceptAsync(Transfer("d", Recipient, 1));
        await here.PassAsync();
        await here.MineAndPassAsync(2);

        var all = await here.Store.LoadAllAsync(HotKey.Address, default);
        Assert.Equal(["a", "b", "c", "d"], all.Select(c => c.CommandId));
        Assert.All(all, c => Assert.Equal(CommandStatus.Confirmed, c.Status));
        Assert.Equal(4UL, await _node.Eth.GetTransactionCountAsync(HotKey.Address));
    }
}
