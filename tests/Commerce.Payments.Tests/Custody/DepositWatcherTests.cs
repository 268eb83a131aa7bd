using System.Globalization;
using System.Numerics;
using Commerce.Actors.Storage;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using Commerce.Chain.Transactions;
using Commerce.Events.Custody;
using Commerce.Events.Envelope;
using Commerce.Events.Topics;
using Commerce.Payments.Deposits;
using Commerce.Payments.Watcher;
using Commerce.Testing.Anvil;
using Microsoft.Extensions.Logging.Abstractions;

namespace Commerce.Payments.Tests.Custody;

/// <summary>
/// The deposit watcher pass by pass against a real node of its own (blocks mined by the test, reorgs made with
/// snapshot and revert), reading what it reported from the store's outbox.
/// </summary>
public sealed class DepositWatcherTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>, IAsyncLifetime
{
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);
    private readonly EthPrivateKey _custodyKey = EthPrivateKey.Generate();
    private TestStore _store = null!;
    private static readonly byte[] MarkKey = Commerce.Chain.Crypto.Keccak256.HashUtf8("deposit-watcher-tests-mark");

    private DepositWatcherOptions _options = null!;

    private static DepositObserved Unmarked(Commerce.Events.IEvent payload) => ((DepositObserved)payload) with { WatcherMac = null };

    private string Custody => _custodyKey.Address.ToLowerHex();

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync("sqlite");
        await _store.Store.InitializeAsync(CancellationToken.None);
        _options = new DepositWatcherOptions
        {
            Enabled = true,
            CustodyAddress = _custodyKey.Address.ToString(),
            RpcUrl = anvil.Endpoint.ToString(),
            Confirmations = 2,
            StartBlock = await anvil.Eth.GetBlockNumberAsync() + 1,
            MarkKey = Convert.ToBase64String(MarkKey),
        };
        _options.Validate();
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task A_deposit_is_reported_when_seen_and_again_confirmed_at_depth_with_fixed_ids()
    {
        var follower = NewFollower();
        var player = await FundedAsync();
        var (tx, block) = await SendAsync(player, _custodyKey.Address, Ether / 3);

        await follower.PollOnceAsync(CancellationToken.None);
        var seen = Assert.Single(await DrainAsync());
        Assert.Equal(new DepositObserved(player.Address.ToLowerHex(), Custody, (Ether / 3).ToString(CultureInfo.InvariantCulture), tx,
            (long)block.Number!.Value, block.Hash!.ToLowerInvariant(), Confirmed: false, Reorged: false), Unmarked(seen.Payload));
        Assert.True(DepositMac.Verify((DepositObserved)seen.Payload, MarkKey), "the watcher marks what it reports");
        Assert.Equal((player.Address.ToLowerHex(), DepositEventIds.For(tx, ObservationStage.Observed, block.Hash!)), (seen.Key, seen.Id));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp), seen.OccurredAt);

        await follower.PollOnceAsync(CancellationToken.None);
        Assert.Empty(await DrainAsync());   // nothing new, not yet deep enough

        await anvil.Anvil.MineAsync();
        await follower.PollOnceAsync(CancellationToken.None);
        var confirmed = Assert.Single(await DrainAsync());
        Assert.Equal(Unmarked(seen.Payload) with { Confirmed = true }, Unmarked(confirmed.Payload));
        Assert.True(DepositMac.Verify((DepositObserved)confirmed.Payload, MarkKey), "the confirmation is marked for what it says");
        Assert.Equal(DepositEventIds.For(tx, ObservationStage.Confirmed, block.Hash!), confirmed.Id);
        Assert.Empty(follower.State!.Pending);
    }

    [Fact]
    public async Task Transfers_elsewhere_without_value_or_from_the_custody_address_itself_are_not_deposits()
    {
        var follower = NewFollower();
        var player = await FundedAsync();
        await anvil.Anvil.SetBalanceAsync(_custodyKey.Address, Ether);
        await SendAsync(player, EthPrivateKey.Generate().Address, Ether);
        await SendAsync(player, _custodyKey.Address, BigInteger.Zero);
        await SendAsync(_custodyKey, _custodyKey.Address, Ether / 10);
        await anvil.Anvil.MineAsync();
        await anvil.Anvil.MineAsync();

        await follower.PollOnceAsync(CancellationToken.None);
        Assert.Empty(await DrainAsync());
        Assert.Equal(await anvil.Eth.GetBlockNumberAsync(), follower.State!.CursorBlock);
    }

    [Fact]
    public async Task A_deposit_whose_block_is_orphaned_is_reported_reorged_and_reported_anew_where_it_is_included_again()
    {
        var follower = NewFollower();
        var player = await FundedAsync();
        var snapshot = await anvil.Anvil.SnapshotAsync();
        var raw = await SignAsync(player, _custodyKey.Address, Ether / 2);
        var tx = await anvil.Eth.SendRawTransactionAsync(raw);
        var first = await BlockOfAsync(tx);
        await follower.PollOnceAsync(CancellationToken.None);
        Assert.False(((DepositObserved)Assert.Single(await DrainAsync()).Payload).Confirmed);

        // The block leaves the chain: another chain, longer, without the transaction.
        Assert.True(await anvil.Anvil.RevertAsync(snapshot));
        await anvil.Anvil.MineAsync();
        await anvil.Anvil.MineAsync();
        await follower.PollOnceAsync(CancellationToken.None);
        var orphaned = Assert.Single(await DrainAsync());
        Assert.Equal((true, false, first.Hash!.ToLowerInvariant()), (((DepositObserved)orphaned.Payload).Reorged, ((DepositObserved)orphaned.Payload).Confirmed, ((DepositObserved)orphaned.Payload).BlockHash));
        Assert.Equal(DepositEventIds.For(tx, ObservationStage.Reorged, first.Hash!), orphaned.Id);

        // The same signed transaction included again, in another block: a new deposit report, confirmed there.
        Assert.Equal(tx, (await anvil.Eth.SendRawTransactionAsync(raw)).ToLowerInvariant());
        var second = await BlockOfAsync(tx);
        Assert.NotEqual(first.Hash, second.Hash);
        await anvil.Anvil.MineAsync();
        await follower.PollOnceAsync(CancellationToken.None);
        var reports = (await DrainAsync()).Select(r => (DepositObserved)r.Payload).ToList();
        Assert.Equal([(false, second.Hash!.ToLowerInvariant()), (true, second.Hash!.ToLowerInvariant())], reports.Select(r => (r.Confirmed, r.BlockHash)));
    }

    [Fact]
    public async Task A_second_watcher_of_the_same_custody_address_is_fenced_out()
    {
        var first = NewFollower();
        var second = NewFollower();
        var player = await FundedAsync();
        await SendAsync(player, _custodyKey.Address, Ether / 5);
        await first.PollOnceAsync(CancellationToken.None);
        await anvil.Anvil.MineAsync();
        await second.PollOnceAsync(CancellationToken.None);   // loads what the first stored and carries on
        await anvil.Anvil.MineAsync();
        await Assert.ThrowsAsync<CursorMovedException>(() => first.PollOnceAsync(CancellationToken.None));
        var reports = (await DrainAsync()).Select(r => (DepositObserved)r.Payload).ToList();
        Assert.Equal([false, true], reports.Select(r => r.Confirmed));   // each report once, whoever made it
    }

    [Fact]
    public async Task On_postgresql_too_each_report_is_committed_once_and_a_second_watcher_is_fenced_out()
    {
        await using var postgres = await TestStore.CreateAsync("postgres");
        await postgres.Store.InitializeAsync(CancellationToken.None);
        var first = NewFollower(postgres.Store);
        var second = NewFollower(postgres.Store);
        var player = await FundedAsync();
        var (tx, _) = await SendAsync(player, _custodyKey.Address, Ether / 7);
        await first.PollOnceAsync(CancellationToken.None);
        await anvil.Anvil.MineAsync();
        await second.PollOnceAsync(CancellationToken.None);
        await anvil.Anvil.MineAsync();
        await Assert.ThrowsAsync<CursorMovedException>(() => first.PollOnceAsync(CancellationToken.None));
        var reports = (await DrainAsync(postgres.Store)).Select(r => (DepositObserved)r.Payload).ToList();
        Assert.Equal([(tx, false), (tx, true)], reports.Select(r => (r.TransactionHash, r.Confirmed)));
    }

    [Fact]
    public async Task A_row_in_the_first_stored_format_loads_and_its_pending_deposit_is_confirmed_without_being_reported_again()
    {
        var player = await FundedAsync();
        var (tx, block) = await SendAsync(player, _custodyKey.Address, Ether / 5);
        await anvil.Anvil.MineAsync();
        var wallet = player.Address.ToLowerHex();
        var amount = (Ether / 5).ToString(CultureInfo.InvariantCulture);
        var number = block.Number!.Value;
        var hash = block.Hash!.ToLowerInvariant();
        // The row exactly as the first version wrote it: camelCase, the tracked deposit's identity included.
        var row = $$"""
            {"cursorBlock":{{number}},"cursorHash":"{{hash}}","blocks":[{"number":{{number}},"hash":"{{hash}}"}],
             "pending":[{"observation":{"wallet":"{{wallet}}","custody":"{{Custody}}","amount":"{{amount}}","transactionHash":"{{tx}}",
               "blockNumber":{{number}},"blockHash":"{{hash}}","confirmed":false,"reorged":false},"blockTime":{{block.Timestamp}},"identity":"{{tx}}:{{hash}}"}],
             "recentlyConfirmed":[{"identity":"0xolder:0xblock","blockNumber":{{number}}}]}
            """;
        var fence = new PartitionCursor(DepositFollower.StateType, "chain", $"custody:{Custody}", 0);
        await _store.Store.CommitAsync(new GrainBatchCommit(DepositFollower.StateType, fence, null, 1, [new StateWrite(Custody, row, 1)], []), CancellationToken.None);

        var follower = NewFollower();
        await follower.PollOnceAsync(CancellationToken.None);

        var confirmed = Assert.Single(await DrainAsync());
        Assert.Equal(DepositEventIds.For(tx, ObservationStage.Confirmed, hash), confirmed.Id);
        Assert.Equal(new DepositObserved(wallet, Custody, amount, tx, (long)number, hash, Confirmed: true, Reorged: false), Unmarked(confirmed.Payload));
        Assert.Empty(follower.State!.Pending);
        Assert.Equal(["0xolder:0xblock", $"{tx}:{hash}"], follower.State.RecentlyConfirmed.Select(c => c.Identity));
        Assert.Equal(await anvil.Eth.GetBlockNumberAsync(), follower.State.CursorBlock);
    }

    private DepositFollower NewFollower(IGrainStore? store = null) =>
        new(_options, store ?? _store.Store, new JsonRpcClient(new HttpClient(), new JsonRpcClientOptions { Endpoint = anvil.Endpoint }), NullLogger.Instance);

    private async Task<EthPrivateKey> FundedAsync()
    {
        var key = EthPrivateKey.Generate();
        await anvil.Anvil.SetBalanceAsync(key.Address, Ether * 10);
        return key;
    }

    private async Task<SignedTransaction> SignAsync(EthPrivateKey from, EthAddress to, BigInteger value)
    {
        var latest = (await anvil.Eth.GetBlockByNumberAsync(BlockTag.Latest))!;
        return new Eip1559Transaction
        {
            ChainId = AnvilFixture.ChainId,
            Nonce = await anvil.Eth.GetTransactionCountAsync(from.Address, BlockTag.Pending),
            MaxPriorityFeePerGas = 1_000_000_000,
            MaxFeePerGas = (latest.BaseFeePerGas ?? 0) * 2 + 1_000_000_000,
            GasLimit = 21_000,
            To = to,
            Value = value,
        }.SignWith(from);
    }

    private async Task<(string Tx, RpcBlock Block)> SendAsync(EthPrivateKey from, EthAddress to, BigInteger value)
    {
        var tx = (await anvil.Eth.SendRawTransactionAsync(await SignAsync(from, to, value))).ToLowerInvariant();
        return (tx, await BlockOfAsync(tx));
    }

    private async Task<RpcBlock> BlockOfAsync(string tx)
    {
        var receipt = await anvil.Eth.WaitForReceiptAsync(tx, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(10));
        return (await anvil.Eth.GetBlockByNumberAsync(receipt.BlockNumber))!;
    }

    /// <summary>What the watcher committed to the outbox since the last call (all on commerce.custody-events), oldest first.</summary>
    private async Task<List<EventEnvelope>> DrainAsync(IGrainStore? store = null)
    {
        var envelopes = new List<EventEnvelope>();
        while (true)
        {
            await using var lease = await (store ?? _store.Store).LeaseOutboxAsync(100, CancellationToken.None);
            if (lease.Records.Count == 0)
                return envelopes;
            foreach (var message in lease.Records.SelectMany(r => r.Messages))
            {
                Assert.Equal(TopicCatalog.CustodyEvents.Name, message.Topic);
                var envelope = EnvelopeSerializer.Deserialize(message.Value);
                Assert.Equal(message.Key, envelope.Key);
                envelopes.Add(envelope);
            }
            await lease.CompleteAsync(lease.Records.Select(r => r.Id).ToList(), CancellationToken.None);
        }
    }
}
