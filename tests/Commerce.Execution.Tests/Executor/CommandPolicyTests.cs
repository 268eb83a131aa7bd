using Commerce.Actors.Orders;
using Commerce.Chain.Crypto;
using Commerce.Events.Chain;
using Commerce.Execution.Executor;
using Commerce.Execution.Policy;
using Commerce.Execution.Storage;
using Commerce.Execution.Tests.Support;
using static Commerce.Execution.Tests.Support.ExecutorHarness;

namespace Commerce.Execution.Tests.Executor;

/// <summary>The executor signs only what a known requester asked for and the allow-list grants (issue 11, item 1).</summary>
public sealed class CommandPolicyTests : IAsyncLifetime
{
    private static readonly EthAddress Recipient = EthAddress.FromBytes(Keccak256.HashUtf8("policy-recipient").AsSpan(12));
    private static readonly EthAddress Collection = EthAddress.FromBytes(Keccak256.HashUtf8("policy-collection").AsSpan(12));
    private static readonly EthAddress Other = EthAddress.FromBytes(Keccak256.HashUtf8("policy-other").AsSpan(12));
    private static readonly byte[] OrdersKey = Keccak256.HashUtf8("policy-orders-key");

    private AnvilNode _node = null!;

    public async Task InitializeAsync() => _node = await AnvilNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private static void AllowOrdersMint(ExecutorOptions options)
    {
        options.Policy.Requesters[ChainCommandKinds.OrdersRequester] = Convert.ToBase64String(OrdersKey);
        options.Policy.Kinds[ChainCommandKinds.Mint] = new KindRule
        {
            Requesters = [ChainCommandKinds.OrdersRequester], Contracts = [Collection.ToString()], Selectors = [OrderGrain.MintSelector],
        };
    }

    private static ChainCommandRequested Mint(string id, EthAddress collection, string value = "0") =>
        new(id, ChainCommandKinds.Mint, collection.ToString(), value, OrderGrain.MintCall(Recipient.ToString(), "7"), 200_000, null);

    private static ChainCommandRequested ByOrders(ChainCommandRequested command) => ChainCommandMac.Sign(command, ChainCommandKinds.OrdersRequester, OrdersKey);

    [Fact]
    public async Task Commands_outside_the_allow_list_are_refused_with_a_reason_and_never_signed()
    {
        await using var harness = await StartAsync(_node, AllowOrdersMint);
        await _node.Anvil.SetCodeAsync(Collection, [0x00]); // STOP: any call succeeds
        var signedMint = ByOrders(Mint("altered", Collection));

        await harness.AcceptAsync(
            Mint("unmarked", Collection),                                                             // no requester at all
            ChainCommandMac.Sign(Mint("stranger", Collection), "connectors", OrdersKey),             // a requester the executor does not know
            ChainCommandMac.Sign(Mint("wrong-key", Collection), ChainCommandKinds.OrdersRequester, Keccak256.HashUtf8("guess")),
            signedMint with { To = Other.ToString() },                                                // altered after marking
            ByOrders(Mint("other-contract", Other)),                                                  // a contract mint may not call
            ByOrders(Mint("with-value", Collection, "1")),                                            // value above the cap (0)
            ByOrders(new ChainCommandRequested("refund", "refund", Collection.ToString(), "0", "0x", 50_000, null)), // a kind not allowed
            ByOrders(new ChainCommandRequested("other-selector", ChainCommandKinds.Mint, Collection.ToString(), "0",
                OrderGrain.ReleaseItemSelector + new string('0', 192), 200_000, null)),              // a function mint may not call
            Transfer("tests-transfer", Recipient, 0),                                                  // fine: the tests' own payout
            ByOrders(Mint("good", Collection)));
        await harness.PassAsync();
        await harness.MineAndPassAsync(2);

        var failed = (await harness.EventsAsync()).Where(e => e.Stage == ChainTransactionUpdated.Failed).ToDictionary(e => e.CommandId, e => e.Reason ?? "");
        Assert.StartsWith("not allowed: requester: is required", failed["unmarked"], StringComparison.Ordinal);
        Assert.Contains("\"connectors\" is not a requester", failed["stranger"], StringComparison.Ordinal);
        Assert.Contains("requesterMac:", failed["wrong-key"], StringComparison.Ordinal);
        Assert.Contains("requesterMac:", failed["altered"], StringComparison.Ordinal);
        Assert.Contains("to: " + Other, failed["other-contract"], StringComparison.Ordinal);
        Assert.Contains("valueWei: 1 is above the 0 wei", failed["with-value"], StringComparison.Ordinal);
        Assert.Contains("kind: \"refund\"", failed["refund"], StringComparison.Ordinal);
        Assert.Contains("data: selector " + OrderGrain.ReleaseItemSelector, failed["other-selector"], StringComparison.Ordinal);
        Assert.Equal(8, failed.Count);
        foreach (var id in failed.Keys)
        {
            var stored = await harness.CommandAsync(id);
            Assert.Equal(CommandStatus.Failed, stored.Status);
            Assert.Null(stored.Nonce);
            Assert.Empty(stored.Attempts);
        }
        // Only the two allowed commands took nonces and reached the chain.
        Assert.Equal(2UL, await _node.Eth.GetTransactionCountAsync(HotKey.Address));
        Assert.Equal(CommandStatus.Confirmed, (await harness.CommandAsync("good")).Status);
    }

    [Fact]
    public void A_policy_naming_an_unusable_rule_fails_at_start_naming_the_key()
    {
        var bad = new ExecutorOptions();
        bad.Policy.Requesters["orders"] = Convert.ToBase64String(new byte[16]);
        Assert.Contains("Execution:Policy:Requesters:orders", Assert.Throws<ArgumentException>(bad.Validate).Message, StringComparison.Ordinal);

        var anyContract = new ExecutorOptions();
        anyContract.Policy.Kinds["drain"] = new KindRule { Requesters = ["orders"], AnyAddress = true, Selectors = ["0xa9059cbb"] };
        Assert.Contains("Execution:Policy:Kinds:drain:AnyAddress", Assert.Throws<ArgumentException>(anyContract.Validate).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_mark_covers_every_field_that_shapes_the_transaction()
    {
        var marked = ByOrders(Mint("m", Collection));
        Assert.True(ChainCommandMac.Verify(marked, OrdersKey));
        Assert.False(ChainCommandMac.Verify(marked with { ValueWei = "1" }, OrdersKey));
        Assert.False(ChainCommandMac.Verify(marked with { Data = marked.Data + "00" }, OrdersKey));
        Assert.False(ChainCommandMac.Verify(marked with { GasLimit = 1 }, OrdersKey));
        Assert.False(ChainCommandMac.Verify(marked with { MaxFeeCeilingWei = "1" }, OrdersKey));
        Assert.False(ChainCommandMac.Verify(marked with { Kind = "release" }, OrdersKey));
        Assert.False(ChainCommandMac.Verify(marked with { CommandId = "n" }, OrdersKey));
        Assert.False(ChainCommandMac.Verify(marked with { Requester = "other" }, OrdersKey));
        Assert.True(ChainCommandMac.Verify(marked with { To = marked.To.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal) }, OrdersKey));
    }
}
