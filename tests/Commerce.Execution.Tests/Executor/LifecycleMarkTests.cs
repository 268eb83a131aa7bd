using Commerce.Actors.Custody;
using Commerce.Chain.Crypto;
using Commerce.Events.Chain;
using Commerce.Execution.Executor;
using Commerce.Execution.Policy;
using Commerce.Execution.Tests.Support;
using Microsoft.Extensions.Configuration;
using static Commerce.Execution.Tests.Support.ExecutorHarness;

namespace Commerce.Execution.Tests.Executor;

/// <summary>
/// The executor marks its word on a command for the command's requester, under that requester's key
/// (<see cref="ChainUpdateMac"/>, docs/SECURITY.md "What a withdrawal needs"): every stage it publishes, after a restart
/// too, and a refusal of a command its requester did mark; a command no requester's HMAC covers gets no mark at all.
/// </summary>
public sealed class LifecycleMarkTests : IAsyncLifetime
{
    private static readonly byte[] CustodyKey = Keccak256.HashUtf8("executor-tests-custody-command-key");
    private static readonly EthAddress Wallet = EthAddress.FromBytes(Keccak256.HashUtf8("marked-wallet").AsSpan(12));

    private AnvilNode _node = null!;

    public async Task InitializeAsync() => _node = await AnvilNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Every_stage_of_a_withdrawal_is_marked_under_the_custody_key_and_a_changed_stage_breaks_the_mark()
    {
        await using var first = await StartAsync(_node, WithCustody);
        var commandId = CustodyAccountGrain.WithdrawalCommandId(Wallet.ToString(), "w-marked");
        await first.AcceptAsync(Withdrawal(commandId, 700));
        await first.MineAndPassAsync();
        // The requester is kept with the command: a restarted executor marks the rest of its life the same way.
        await using var second = await first.RestartAsync(WithCustody);
        await second.MineAndPassAsync(2);

        var events = (await second.EventsAsync()).Where(e => e.CommandId == commandId).ToList();
        Assert.Equal([ChainTransactionUpdated.Submitted, ChainTransactionUpdated.Mined, ChainTransactionUpdated.Confirmed], events.Select(e => e.Stage));
        Assert.All(events, e =>
        {
            Assert.Equal(ChainCommandKinds.CustodyRequester, e.Requester);
            Assert.True(ChainUpdateMac.Verify(e, CustodyKey), $"{e.Stage} carries the executor's mark under the custody key");
            Assert.False(ChainUpdateMac.Verify(e, TestRequesterKey), $"{e.Stage} is not marked under another requester's key");
            Assert.False(ChainUpdateMac.Verify(e with { Stage = ChainTransactionUpdated.Failed }, CustodyKey), "a stage changed after marking");
            Assert.False(ChainUpdateMac.Verify(e with { Reason = "reverted" }, CustodyKey), "a reason added after marking");
            Assert.False(ChainUpdateMac.Verify(e with { Requester = TestRequester }, CustodyKey), "another requester named after marking");
        });
        var confirmed = events[^1];
        Assert.NotNull(confirmed.TransactionHash);
        Assert.False(ChainUpdateMac.Verify(confirmed with { TransactionHash = "0x" + new string('1', 64) }, CustodyKey), "a hash changed after marking");
    }

    [Fact]
    public async Task A_refusal_is_marked_for_the_requester_that_asked_but_a_forged_commands_refusal_speaks_for_no_one()
    {
        await using var harness = await StartAsync(_node, WithCustody);
        var overCap = CustodyAccountGrain.WithdrawalCommandId(Wallet.ToString(), "w-over");
        var forged = CustodyAccountGrain.WithdrawalCommandId(Wallet.ToString(), "w-forged");
        var otherKey = Keccak256.HashUtf8("not-the-custody-key");

        await harness.AcceptAsync(
            Withdrawal(overCap, 2000), // above the 1,000 wei cap: refused, but custody did ask for it
            ChainCommandMac.Sign(Unmarked(forged, 10), ChainCommandKinds.CustodyRequester, otherKey));

        var events = await harness.EventsAsync();
        var refused = Assert.Single(events, e => e.CommandId == overCap);
        Assert.Equal(ChainTransactionUpdated.Failed, refused.Stage);
        Assert.True(ChainUpdateMac.Verify(refused, CustodyKey), "the refusal of custody's own command is the executor's marked word");
        var unattributed = Assert.Single(events, e => e.CommandId == forged);
        Assert.Equal(ChainTransactionUpdated.Failed, unattributed.Stage);
        Assert.Contains("requesterMac", unattributed.Reason);
        Assert.Null(unattributed.Requester);
        Assert.Null(unattributed.ExecutorMac);
        Assert.False(ChainUpdateMac.Verify(unattributed with { Requester = ChainCommandKinds.CustodyRequester }, CustodyKey));
        Assert.False(ChainUpdateMac.Verify(unattributed with { Requester = ChainCommandKinds.CustodyRequester }, otherKey));
        Assert.Equal(0UL, await _node.Eth.GetTransactionCountAsync(HotKey.Address));
    }

    private static void WithCustody(ExecutorOptions options) => CustodyCommandPolicy.Apply(options.Policy, new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Custody:CommandKey"] = Convert.ToBase64String(CustodyKey),
            ["Custody:MaxWithdrawalWei"] = "1000",
        }).Build());

    private static ChainCommandRequested Unmarked(string commandId, long wei) =>
        new(commandId, ChainCommandKinds.Withdraw, Wallet.ToString().ToLowerInvariant(), wei.ToString(System.Globalization.CultureInfo.InvariantCulture), "0x", 0, null);

    /// <summary>The command exactly as the custody account grain asks for it (kind withdraw, marked by requester custody).</summary>
    private static ChainCommandRequested Withdrawal(string commandId, long wei) =>
        ChainCommandMac.Sign(Unmarked(commandId, wei), ChainCommandKinds.CustodyRequester, CustodyKey);
}
