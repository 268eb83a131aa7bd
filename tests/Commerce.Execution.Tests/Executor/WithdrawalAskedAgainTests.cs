using System.Numerics;
using Commerce.Actors.Custody;
using Commerce.Chain.Crypto;
using Commerce.Events.Chain;
using Commerce.Execution.Policy;
using Commerce.Execution.Storage;
using Commerce.Execution.Tests.Support;
using Microsoft.Extensions.Configuration;
using static Commerce.Execution.Tests.Support.ExecutorHarness;

namespace Commerce.Execution.Tests.Executor;

/// <summary>
/// A custody account asks the executor again for a withdrawal it has had no word on (docs/ORDERS.md, "Withdrawing"):
/// the same command, so however the first one and the re-asks arrive (or do not), the withdrawal is one transfer.
/// </summary>
public sealed class WithdrawalAskedAgainTests : IAsyncLifetime
{
    private static readonly byte[] CustodyKey = Keccak256.HashUtf8("executor-tests-custody-command-key");
    private static readonly EthAddress Wallet = EthAddress.FromBytes(Keccak256.HashUtf8("withdrawing-wallet").AsSpan(12));

    private AnvilNode _node = null!;

    public async Task InitializeAsync() => _node = await AnvilNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task A_withdrawal_whose_command_was_lost_and_asked_again_is_one_transfer_whichever_copies_arrive()
    {
        await using var harness = await StartAsync(_node, o => CustodyCommandPolicy.Apply(o.Policy, new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Custody:CommandKey"] = Convert.ToBase64String(CustodyKey) }).Build()));
        var commandId = CustodyAccountGrain.WithdrawalCommandId(Wallet.ToString(), "w-lost");

        // The first ask was lost on its way; the grain's recheck asks again, and again before the executor's word is back.
        await harness.AcceptAsync(Withdrawal(commandId, 600));
        await harness.PassAsync();
        await harness.AcceptAsync(Withdrawal(commandId, 600));
        await harness.MineAndPassAsync();
        // The lost copy turns up late after all (a consumer group rewound).
        await harness.AcceptAsync(Withdrawal(commandId, 600));
        await harness.MineAndPassAsync(2);

        Assert.Equal(CommandStatus.Confirmed, (await harness.CommandAsync(commandId)).Status);
        Assert.Equal(new BigInteger(600), await _node.Eth.GetBalanceAsync(Wallet));
        Assert.Equal(1UL, await _node.Eth.GetTransactionCountAsync(HotKey.Address));
        Assert.Equal(2, harness.Executor.Metrics.Duplicates);
        Assert.Single(await harness.EventsAsync(), e => e.CommandId == commandId && e.Stage == ChainTransactionUpdated.Confirmed);
    }

    /// <summary>The command exactly as the custody account grain asks for it (kind withdraw, marked by requester custody).</summary>
    private static ChainCommandRequested Withdrawal(string commandId, long wei) => ChainCommandMac.Sign(
        new ChainCommandRequested(commandId, ChainCommandKinds.Withdraw, Wallet.ToString().ToLowerInvariant(), wei.ToString(System.Globalization.CultureInfo.InvariantCulture), "0x", 0, null),
        ChainCommandKinds.CustodyRequester, CustodyKey);
}
