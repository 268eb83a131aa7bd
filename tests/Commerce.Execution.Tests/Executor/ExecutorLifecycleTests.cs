using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using Commerce.Events.Chain;
using Commerce.Execution.Storage;
using Commerce.Execution.Tests.Support;
using static Commerce.Execution.Tests.Support.ExecutorHarness;

namespace Commerce.Execution.Tests.Executor;

public sealed class ExecutorLifecycleTests : IAsyncLifetime
{
    private static readonly EthAddress Recipient = EthAddress.FromBytes(Keccak256.HashUtf8("recipient").AsSpan(12));

    private AnvilNode _node = null!;

    public async Task InitializeAsync() => _node = await AnvilNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Commands_are_submitted_mined_and_confirmed_only_at_the_configured_depth()
    {
        await using var harness = await StartAsync(_node, o => o.ConfirmationDepth = 3);
        await _node.Anvil.SetAutomineAsync(false);

        await harness.AcceptAsync(Transfer("c1", Recipient, 100), Transfer("c2", Recipient, 200));
        await harness.PassAsync();
        await harness.MineAndPassAsync();
        var mined = await harness.CommandAsync("c1");
        Assert.Equal(CommandStatus.Mined, mined.Status);

        await harness.MineAndPassAsync();
        Assert.Equal(CommandStatus.Mined, (await harness.CommandAsync("c1")).Status);
        await harness.MineAndPassAsync();

        Assert.Equal(CommandStatus.Confirmed, (await harness.CommandAsync("c1")).Status);
        Assert.Equal(new BigInteger(300), await _node.Eth.GetBalanceAsync(Recipient));
        Assert.Equal([ChainTransactionUpdated.Submitted, ChainTransactionUpdated.Mined, ChainTransactionUpdated.Confirmed], await harness.StagesAsync("c2"));
        var confirmed = (await harness.EventsAsync()).Single(e => e.CommandId == "c1" && e.Stage == ChainTransactionUpdated.Confirmed);
        Assert.Equal(mined.BlockHash, confirmed.BlockHash);
        Assert.Equal(0UL, confirmed.Nonce);
        Assert.Equal(mined.MinedHash, confirmed.TransactionHash);
    }

    [Fact]
    public async Task One_command_id_is_one_transaction_however_often_it_arrives()
    {
        await using var harness = await StartAsync(_node);

        await harness.AcceptAsync(Transfer("same", Recipient, 5), Transfer("same", Recipient, 5), Transfer("other", Recipient, 7));
        await harness.PassAsync();
        await harness.AcceptAsync(Transfer("same", Recipient, 5));
        await harness.MineAndPassAsync(2);

        Assert.Equal(new BigInteger(12), await _node.Eth.GetBalanceAsync(Recipient));
        Assert.Equal(2UL, await _node.Eth.GetTransactionCountAsync(HotKey.Address));
        Assert.Equal(2, (await harness.Store.LoadAllAsync(HotKey.Address, default)).Count);
        Assert.Equal(2, harness.Executor.Metrics.Duplicates);
    }

    [Fact]
    public async Task A_restart_resends_the_stored_bytes_and_never_a_second_nonce()
    {
        await using var first = await StartAsync(_node);
        await _node.Anvil.SetAutomineAsync(false);
        await first.AcceptAsync(Enumerable.Range(0, 6).Select(i => Transfer($"r{i}", Recipient, 1)).ToArray());
        // The process "dies" after sending the first three itself, before recording that it did.
        var stored = await first.Store.LoadOpenAsync(HotKey.Address, null, default);
        foreach (var command in stored.Take(3))
            await _node.Eth.SendRawTransactionAsync(command.Latest.Raw);

        await using var second = await first.RestartAsync();
        await second.AcceptAsync(Enumerable.Range(0, 6).Select(i => Transfer($"r{i}", Recipient, 1)).ToArray()); // redelivered
        await second.PassAsync();
        await second.MineAndPassAsync();
        await second.MineAndPassAsync(2);

        var all = await second.Store.LoadAllAsync(HotKey.Address, default);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => (ulong)i), all.Select(c => c.Nonce!.Value));
        Assert.All(all, c => Assert.Equal(CommandStatus.Confirmed, c.Status));
        Assert.All(all, c => Assert.Single(c.Attempts));
        Assert.Equal(new BigInteger(6), await _node.Eth.GetBalanceAsync(Recipient));
        Assert.Equal(6UL, await _node.Eth.GetTransactionCountAsync(HotKey.Address));
    }

    [Fact]
    public async Task A_transaction_the_node_refuses_is_filled_with_a_no_op_so_the_nonces_behind_it_go_through()
    {
        await using var harness = await StartAsync(_node, o => o.Policy.Kinds["call"] = new Commerce.Execution.Policy.KindRule
        {
            Requesters = [TestRequester], Contracts = [Recipient.ToString()], Selectors = ["0x01020304"], MaxValueWei = "1000",
        });
        await _node.Anvil.SetAutomineAsync(false);

        // 21,000 gas cannot pay for call data: the node refuses it (intrinsic gas too low).
        var refused = Signed(new ChainCommandRequested("bad", "call", Recipient.ToString(), "1000", "0x0102030405", 21_000, null));
        await harness.AcceptAsync(Transfer("ok1", Recipient, 1), refused, Transfer("ok2", Recipient, 2));
        await harness.PassAsync();
        for (var i = 0; i < 8 && (await harness.CommandAsync("ok2")).Status != CommandStatus.Confirmed; i++)
            await harness.MineAndPassAsync();

        var bad = await harness.CommandAsync("bad");
        Assert.True(CommandStatus.Failed == bad.Status, $"{bad.Status} {bad.LastError} {bad.Reason} attempts {bad.Attempts.Count} stages {string.Join(",", await harness.StagesAsync("bad"))} nonce {await _node.Eth.GetTransactionCountAsync(HotKey.Address)}");
        Assert.True(bad.Latest.IsCancel);
        Assert.Contains("node", bad.Reason, StringComparison.Ordinal);
        Assert.Equal(CommandStatus.Confirmed, (await harness.CommandAsync("ok2")).Status);
        Assert.Equal(new BigInteger(3), await _node.Eth.GetBalanceAsync(Recipient));
        Assert.Equal(3UL, await _node.Eth.GetTransactionCountAsync(HotKey.Address));
        Assert.Equal([ChainTransactionUpdated.Submitted, ChainTransactionUpdated.Replaced, ChainTransactionUpdated.Mined, ChainTransactionUpdated.Failed], await harness.StagesAsync("bad"));
    }

    [Fact]
    public async Task Invalid_commands_fail_naming_the_field_and_use_no_nonce()
    {
        await using var harness = await StartAsync(_node);

        await harness.AcceptAsync(
            new ChainCommandRequested("bad-to", "transfer", "0x1234", "1", "0x", 21_000, null),
            new ChainCommandRequested("bad-value", "transfer", Recipient.ToString(), "-5", "0x", 21_000, null),
            new ChainCommandRequested("bad-data", "transfer", Recipient.ToString(), "1", "0xzz", 21_000, null),
            Transfer("good", Recipient, 1));
        await harness.MineAndPassAsync();

        var events = await harness.EventsAsync();
        Assert.Contains("to:", events.Single(e => e.CommandId == "bad-to").Reason, StringComparison.Ordinal);
        Assert.Contains("valueWei:", events.Single(e => e.CommandId == "bad-value").Reason, StringComparison.Ordinal);
        Assert.Contains("data", events.Single(e => e.CommandId == "bad-data").Reason, StringComparison.Ordinal);
        Assert.Equal(0UL, (await harness.CommandAsync("good")).Nonce);
    }

    [Fact]
    public async Task A_command_without_gas_limit_gets_an_estimate_and_a_contract_call_goes_through()
    {
        // A contract that stores its call data's first word at slot 0: CALLDATALOAD(0) PUSH0 SSTORE STOP.
        var contract = EthAddress.FromBytes(Keccak256.HashUtf8("store-contract").AsSpan(12));
        await using var harness = await StartAsync(_node, o => o.Policy.Kinds["contract-call"] = new Commerce.Execution.Policy.KindRule
        {
            Requesters = [TestRequester], Contracts = [contract.ToString()], Selectors = ["0x00000000"],
        });
        await _node.Anvil.SetCodeAsync(contract, Convert.FromHexString("5f355f5500"));
        var word = "0x" + new string('0', 62) + "2a";

        await harness.AcceptAsync(Signed(new ChainCommandRequested("call", "contract-call", contract.ToString(), "0", word, 0, null)));
        await harness.PassAsync();
        await harness.MineAndPassAsync(2);

        var command = await harness.CommandAsync("call");
        Assert.Equal(CommandStatus.Confirmed, command.Status);
        Assert.True(command.GasLimit > 21_000);
        var slot = await _node.Rpc.SendAsync("eth_getStorageAt", [contract.ToLowerHex(), "0x0", "latest"]);
        Assert.Equal(word, slot.GetString());
    }
}
