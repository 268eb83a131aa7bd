using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Events.Chain;
using Commerce.Execution.Storage;
using Commerce.Execution.Tests.Support;
using static Commerce.Execution.Tests.Support.ExecutorHarness;

namespace Commerce.Execution.Tests.Executor;

public sealed class GasPolicyTests : IAsyncLifetime
{
    private static readonly EthAddress Recipient = EthAddress.FromBytes(Keccak256.HashUtf8("gas-recipient").AsSpan(12));

    private AnvilNode _node = null!;

    public async Task InitializeAsync() => _node = await AnvilNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task A_stuck_transaction_is_replaced_with_fees_at_least_ten_percent_higher_and_the_replacement_is_mined()
    {
        await using var harness = await StartAsync(_node, o => o.StuckAfter = TimeSpan.FromSeconds(60));
        await _node.Anvil.SetAutomineAsync(false);
        await harness.AcceptAsync(Transfer("slow", Recipient, 4));
        await harness.PassAsync();

        harness.Clock.Advance(TimeSpan.FromSeconds(59));
        await harness.PassAsync();
        Assert.Single((await harness.CommandAsync("slow")).Attempts);
        harness.Clock.Advance(TimeSpan.FromSeconds(2));
        await harness.PassAsync();

        var command = await harness.CommandAsync("slow");
        Assert.Equal(2, command.Attempts.Count);
        var (first, second) = (command.Attempts[0], command.Attempts[1]);
        Assert.True(second.MaxFeePerGas * 100 >= first.MaxFeePerGas * 110, $"{second.MaxFeePerGas} vs {first.MaxFeePerGas}");
        Assert.True(second.MaxPriorityFeePerGas * 100 >= first.MaxPriorityFeePerGas * 110);
        await harness.MineAndPassAsync();
        await harness.MineAndPassAsync();

        var done = await harness.CommandAsync("slow");
        Assert.Equal(CommandStatus.Confirmed, done.Status);
        Assert.Equal(second.Hash, done.MinedHash);
        Assert.Equal(new BigInteger(4), await _node.Eth.GetBalanceAsync(Recipient));
        var replaced = (await harness.EventsAsync()).Single(e => e.Stage == ChainTransactionUpdated.Replaced);
        Assert.Equal(first.Hash, replaced.ReplacedHash);
        Assert.Equal(second.Hash, replaced.TransactionHash);
    }

    [Fact]
    public async Task At_its_fee_ceiling_a_stuck_command_is_reported_cancelled_by_a_no_op_and_does_not_wedge_the_nonces_behind_it()
    {
        await using var harness = await StartAsync(_node);
        await _node.Anvil.SetAutomineAsync(false);
        // The ceiling is exactly the first attempt's fee cap (twice the 1 gwei base fee plus the 1 gwei tip): no room for a bump.
        await harness.AcceptAsync(Transfer("capped", Recipient, 1000, ceiling: "3000000000"), Transfer("behind", Recipient, 1));
        await harness.PassAsync();
        var capped = await harness.CommandAsync("capped");
        Assert.Equal(new BigInteger(3_000_000_000), capped.Latest.MaxFeePerGas);

        harness.Clock.Advance(TimeSpan.FromMinutes(2));
        await harness.PassAsync();

        var cancelling = await harness.CommandAsync("capped");
        Assert.True(cancelling.Latest.IsCancel);
        Assert.Contains("fee ceiling", cancelling.Reason, StringComparison.Ordinal);
        var report = (await harness.EventsAsync()).Single(e => e.CommandId == "capped" && e.Stage == ChainTransactionUpdated.Replaced);
        Assert.Contains("fee ceiling", report.Reason, StringComparison.Ordinal);
        await harness.MineAndPassAsync();
        await harness.MineAndPassAsync();

        Assert.Equal(CommandStatus.Failed, (await harness.CommandAsync("capped")).Status);
        Assert.Equal(CommandStatus.Confirmed, (await harness.CommandAsync("behind")).Status);
        Assert.Equal(BigInteger.One, await _node.Eth.GetBalanceAsync(Recipient));
        Assert.Equal([ChainTransactionUpdated.Submitted, ChainTransactionUpdated.Replaced, ChainTransactionUpdated.Mined, ChainTransactionUpdated.Failed],
            await harness.StagesAsync("capped"));
    }

    [Fact]
    public async Task Commands_wait_while_the_sender_has_its_maximum_in_flight_and_go_on_once_some_are_mined()
    {
        await using var harness = await StartAsync(_node, o => { o.MaxInFlightPerSender = 3; o.MaxChunk = 3; });
        await _node.Anvil.SetAutomineAsync(false);
        await harness.AcceptAsync(Transfer("f1", Recipient, 1), Transfer("f2", Recipient, 1), Transfer("f3", Recipient, 1));
        await harness.PassAsync();

        var waiting = harness.AcceptAsync(Transfer("f4", Recipient, 1), Transfer("f5", Recipient, 1));
        await harness.PassAsync();
        Assert.False(waiting.IsCompleted, "the fourth command was accepted while three were in flight");
        Assert.Null(await harness.Store.LoadCommandAsync("f4", default));

        await harness.MineAndPassAsync();
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(3UL, (await harness.CommandAsync("f4")).Nonce);
        Assert.True(await harness.Store.CountUnminedAsync(HotKey.Address, default) <= 3);
    }

    [Fact]
    public async Task Fees_come_from_fee_history_and_respect_the_command_ceiling()
    {
        await using var harness = await StartAsync(_node);
        await harness.AcceptAsync(Transfer("cheap", Recipient, 1, ceiling: "1500000000"), Transfer("normal", Recipient, 1));

        var quote = await harness.Executor.Oracle.GetAsync(default);
        Assert.Equal(new BigInteger(1_500_000_000), (await harness.CommandAsync("cheap")).Latest.MaxFeePerGas);
        Assert.Equal(quote.SuggestedMaxFee, (await harness.CommandAsync("normal")).Latest.MaxFeePerGas);
        Assert.True(quote.BaseFee > 0);
    }
}
