using System.Globalization;
using System.Numerics;
using Commerce.Actors.Custody;
using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Chain.Contracts;
using Commerce.Chain.JsonRpc;
using Commerce.Events.Chain;
using Commerce.Events.Custody;
using Commerce.Events.Envelope;
using Commerce.Events.Orders;
using Commerce.Events.Topics;
using Commerce.Payments.Delivery;
using Commerce.Payments.Deposits;
using Commerce.Payments.Watcher;
using Commerce.Chain.Transactions;
using Commerce.Execution.Executor;
using Commerce.Testing;
using Microsoft.Extensions.DependencyInjection;
using Commerce.Chain.Contracts.Messages;
using Nethereum.Contracts;

namespace Commerce.Payments.Tests.Custody;

/// <summary>
/// The custodial payment kind end to end on a real node, Kafka and SQLite: top-ups by plain ETH, orders paid
/// from the balance and minted by the executor, refunds to the balance when the mint fails for good.
/// </summary>
public sealed class CustodialFlowTests(CustodyPlatform platform) : IClassFixture<CustodyPlatform>
{
    private static readonly BigInteger Ether = CustodyPlatform.Ether;

    private TransactionExecutor Executor => platform.Services.GetRequiredService<TransactionExecutor>();

    [Fact]
    public async Task A_confirmed_deposit_is_credited_to_the_senders_balance_once()
    {
        var player = await platform.NewActorAsync();
        var tx = await platform.DepositAsync(player, Ether);
        var account = await platform.WaitBalanceAsync(player, Ether);

        var deposit = Assert.Single(account.Deposits);
        Assert.Equal((tx, Ether.ToString(CultureInfo.InvariantCulture), true), (deposit.TransactionHash, deposit.Amount, deposit.Confirmed));
        Assert.Equal(Ether.ToString(CultureInfo.InvariantCulture), account.Credited);
    }

    [Fact]
    public async Task A_forged_deposit_buys_nothing_only_the_watchers_marked_observations_count()
    {
        var player = await platform.NewActorAsync();
        var wallet = CustodyPlatform.Wallet(player);
        var custody = platform.Custody.ToLowerHex();
        var block = "0x" + new string('9', 64);
        // Anyone who can write commerce.custody-events: a confirmed deposit with no mark, one marked with a guessed key,
        // and the watcher's real mark on another deposit with its amount raised afterwards.
        var unmarked = new DepositObserved(wallet, custody, Ether.ToString(CultureInfo.InvariantCulture), "0x" + new string('1', 64), 5, block, Confirmed: true, Reorged: false);
        var guessed = DepositMac.Sign(unmarked with { TransactionHash = "0x" + new string('2', 64) }, Commerce.Chain.Crypto.Keccak256.HashUtf8("guess"));
        var raised = DepositMac.Sign(unmarked with { TransactionHash = "0x" + new string('3', 64), Amount = "1" }, CustodyPlatform.DepositKey) with { Amount = Ether.ToString(CultureInfo.InvariantCulture) };
        foreach (var forged in new[] { unmarked, guessed, raised })
            await platform.PublishAsync(TopicCatalog.CustodyEvents, wallet, forged);
        // Behind them on the same key, a real deposit: once it is credited, the forged ones were read before it.
        await platform.DepositAsync(player, Ether / 10);
        var account = await platform.WaitBalanceAsync(player, Ether / 10);

        Assert.Equal((Ether / 10).ToString(CultureInfo.InvariantCulture), account.Credited);
        Assert.DoesNotContain(account.Deposits, d => d.TransactionHash.StartsWith("0x111", StringComparison.Ordinal)
            || d.TransactionHash.StartsWith("0x222", StringComparison.Ordinal) || d.TransactionHash.StartsWith("0x333", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_custodial_order_completes_with_the_nft_minted_to_the_player_and_the_balance_debited_once()
    {
        var player = await platform.NewActorAsync();
        await platform.DepositAsync(player, Ether);
        await platform.WaitBalanceAsync(player, Ether);
        var tokenId = CustodyPlatform.NewTokenId();
        var itemId = await platform.ListItemAsync(tokenId);
        var price = Ether * 4 / 10;

        var orderId = await platform.PlaceOrderAsync(player, itemId, tokenId, price);
        var order = await platform.WaitOrderAsync(orderId, OrderStatus.Completed);

        Assert.Equal(player.Address, await platform.Items.OwnerOfAsync(tokenId));
        var account = await platform.WaitBalanceAsync(player, Ether - price);
        Assert.Equal((price.ToString(CultureInfo.InvariantCulture), "0"), (account.Spent, account.Held));
        Assert.Equal(HoldStatus.Captured, Assert.Single(account.Holds).Status);
        Assert.Equal([OrderStatus.Placed, OrderStatus.Reserved, OrderStatus.Paid, OrderStatus.Delivering, OrderStatus.Completed],
            order.History.Where(h => h.From != h.To).Select(h => h.To));
        await Eventually.Until(async () => await platform.ItemAsync(itemId) is { Status: ItemStatus.Minted }, CustodyPlatform.Deadline,
            () => $"item {itemId} minted to the player in the catalog");
        Assert.Equal(player.Address.ToLowerHex(), (await platform.ItemAsync(itemId))!.Owner?.ToLowerInvariant());
    }

    [Fact]
    public async Task A_mint_that_fails_for_good_refunds_the_balance_exactly_and_moves_no_nft()
    {
        var player = await platform.NewActorAsync();
        await platform.DepositAsync(player, Ether);
        await platform.WaitBalanceAsync(player, Ether);
        var tokenId = CustodyPlatform.NewTokenId();
        var itemId = await platform.ListItemAsync(tokenId);
        // The token exists on chain already, minted outside the platform: the platform's mint cannot succeed.
        var outsider = await platform.NewActorAsync();
        await platform.Items.MintAsync(platform.Admin.Sender, outsider.Address, tokenId);

        var orderId = await platform.PlaceOrderAsync(player, itemId, tokenId, Ether / 2);
        var order = await platform.WaitOrderAsync(orderId, OrderStatus.Refunded);

        // The executor refused the command at gas estimation (it would revert): nothing was sent.
        Assert.Contains(order.History, h => h.To == OrderStatus.Refunded && h.Detail!.Contains("the mint failed (refused before sending: it would revert (gas estimation:", StringComparison.Ordinal));
        Assert.DoesNotContain(order.History, h => h.Event == $"{nameof(DeliveryUpdated)}:{ChainTransactionUpdated.Mined}");
        var account = await platform.WaitBalanceAsync(player, Ether);
        Assert.Equal(("0", "0", Ether.ToString(CultureInfo.InvariantCulture)), (account.Held, account.Spent, account.Credited));
        Assert.Equal(HoldStatus.Released, Assert.Single(account.Holds).Status);
        Assert.Equal(outsider.Address, await platform.Items.OwnerOfAsync(tokenId));
        Assert.Equal(BigInteger.Zero, await platform.Items.BalanceOfAsync(player.Address));
        await Eventually.Until(async () => await platform.ItemAsync(itemId) is { Status: ItemStatus.Available, Reservation: null }, CustodyPlatform.Deadline,
            () => $"item {itemId} no longer held for the refunded order");
    }

    [Fact]
    public async Task A_mint_that_reverts_on_chain_is_reported_failed_and_refunded()
    {
        var player = await platform.NewActorAsync();
        await platform.DepositAsync(player, Ether);
        await platform.WaitBalanceAsync(player, Ether);
        var tokenId = CustodyPlatform.NewTokenId();
        var itemId = await platform.ListItemAsync(tokenId);
        var outsider = await platform.NewActorAsync();

        // Blocks only on demand: the executor's mint (estimated while the token is free) waits in the pool, an outside
        // mint of the same token with a higher tip is mined first in the same block, and the platform's mint reverts.
        platform.Mining = false;
        var anvil = new AnvilClient(platform.Eth.Rpc);
        await anvil.SetAutomineAsync(false);
        string orderId;
        try
        {
            var before = await platform.Eth.GetTransactionCountAsync(platform.Custody, BlockTag.Pending);
            orderId = await platform.PlaceOrderAsync(player, itemId, tokenId, Ether / 4);
            await Eventually.Until(async () => await platform.Eth.GetTransactionCountAsync(platform.Custody, BlockTag.Pending) > before,
                CustodyPlatform.Deadline, () => "the executor's mint in the node's pool");
            // Front-run: the same token minted to the outsider by the collection's admin, with a tip far above the executor's.
            var signed = new Eip1559Transaction
            {
                ChainId = 31337, Nonce = await platform.Eth.GetTransactionCountAsync(platform.Admin.Address, BlockTag.Pending),
                MaxPriorityFeePerGas = 500_000_000_000, MaxFeePerGas = 1_000_000_000_000, GasLimit = 300_000,
                To = platform.Items.Address, Data = new GameItemFunctions.Mint { To = outsider.Address.ToString(), TokenId = tokenId }.GetCallData(),
            }.SignWith(platform.Admin.Key);
            await platform.Eth.SendRawTransactionAsync(signed);
            await anvil.MineAsync();
        }
        finally
        {
            await anvil.SetAutomineAsync(true);
            platform.Mining = true;
        }
        var order = await platform.WaitOrderAsync(orderId, OrderStatus.Refunded);
        Assert.Contains(order.History, h => h.To == OrderStatus.Refunded && h.Detail!.StartsWith("the mint failed (reverted)", StringComparison.Ordinal));
        // The mint was mined and reverted: its receipt says status 0.
        var mined = order.History.Single(h => h.Event == $"{nameof(DeliveryUpdated)}:{ChainTransactionUpdated.Mined}").Detail!;
        var hash = mined[(mined.IndexOf("tx 0x", StringComparison.Ordinal) + 3)..][..66];
        var receipt = await platform.Eth.GetTransactionReceiptAsync(hash);
        Assert.Equal((0UL, platform.Custody), (receipt!.Status, receipt.From));
        Assert.Equal(outsider.Address, await platform.Items.OwnerOfAsync(tokenId));
        var account = await platform.WaitBalanceAsync(player, Ether);
        Assert.Equal("0", account.Spent);
    }

    [Fact]
    public async Task A_host_killed_while_the_mint_is_under_way_resumes_with_one_mint_and_one_debit()
    {
        var player = await platform.NewActorAsync();
        await platform.DepositAsync(player, Ether);
        await platform.WaitBalanceAsync(player, Ether);
        var tokenId = CustodyPlatform.NewTokenId();
        var itemId = await platform.ListItemAsync(tokenId);
        var nonce = await platform.Eth.GetTransactionCountAsync(platform.Custody, BlockTag.Pending);
        var price = Ether * 3 / 10;

        string orderId;
        // No block until the host is back: the mint is sent and pending when the host dies, whatever the platform's speed
        // (waiting for "paid" alone raced with a mint that was already confirmed).
        await using (await platform.HoldBlocksAsync())
        {
            orderId = await platform.PlaceOrderAsync(player, itemId, tokenId, price);
            await platform.WaitOrderAsync(orderId, OrderStatus.Delivering);
            // Paid for: the item is held for this order, however long the mint takes.
            await Eventually.Until(async () => await platform.ItemAsync(itemId) is { Status: ItemStatus.Settling, Reservation.OrderId: var holder } && holder == orderId,
                CustodyPlatform.Deadline, () => $"item {itemId} held for order {orderId} while its mint is under way");
            await platform.RestartAsync();
        }
        var order = await platform.WaitOrderAsync(orderId, OrderStatus.Completed);

        Assert.Equal(player.Address, await platform.Items.OwnerOfAsync(tokenId));
        Assert.Equal(BigInteger.One, await platform.Items.BalanceOfAsync(player.Address));
        Assert.Equal(nonce + 1, await platform.Eth.GetTransactionCountAsync(platform.Custody, BlockTag.Pending));   // one transaction: the mint
        var account = await platform.WaitBalanceAsync(player, Ether - price);
        Assert.Equal((price.ToString(CultureInfo.InvariantCulture), Ether.ToString(CultureInfo.InvariantCulture)), (account.Spent, account.Credited));
        Assert.Single(order.History, h => h.To == OrderStatus.Completed && h.From != h.To);
    }

    [Fact]
    public async Task An_order_the_balance_does_not_cover_is_cancelled_and_frees_the_item()
    {
        var player = await platform.NewActorAsync();
        await platform.DepositAsync(player, Ether / 10);
        await platform.WaitBalanceAsync(player, Ether / 10);
        var tokenId = CustodyPlatform.NewTokenId();
        var itemId = await platform.ListItemAsync(tokenId);
        var nonce = await platform.Eth.GetTransactionCountAsync(platform.Custody, BlockTag.Pending);

        var orderId = await platform.PlaceOrderAsync(player, itemId, tokenId, Ether);
        var order = await platform.WaitOrderAsync(orderId, OrderStatus.Cancelled);

        Assert.StartsWith("insufficient balance", order.History.Single(h => h.To == OrderStatus.Cancelled).Detail);
        var account = await platform.WaitBalanceAsync(player, Ether / 10);
        Assert.Equal(HoldStatus.Refused, Assert.Single(account.Holds).Status);
        await Eventually.Until(async () => await platform.ItemAsync(itemId) is { Status: ItemStatus.Available, Reservation: null }, CustodyPlatform.Deadline,
            () => $"item {itemId} free again after the cancelled order");
        Assert.False(await platform.Items.ExistsAsync(tokenId));
        Assert.Equal(nonce, await platform.Eth.GetTransactionCountAsync(platform.Custody, BlockTag.Pending));
    }

    [Fact]
    public async Task Redelivered_and_late_events_change_nothing()
    {
        var player = await platform.NewActorAsync();
        var tx = await platform.DepositAsync(player, Ether);
        await platform.WaitBalanceAsync(player, Ether);
        var tokenId = CustodyPlatform.NewTokenId();
        var itemId = await platform.ListItemAsync(tokenId);
        var price = Ether / 5;
        var orderId = await platform.PlaceOrderAsync(player, itemId, tokenId, price);
        await platform.WaitOrderAsync(orderId, OrderStatus.Completed);
        await platform.WaitBalanceAsync(player, Ether - price);
        var wallet = CustodyPlatform.Wallet(player);
        var nonce = await platform.Eth.GetTransactionCountAsync(platform.Custody, BlockTag.Pending);
        var deposit = (await platform.AccountAsync(player))!.Deposits.Single();

        // The watcher's confirmation again (same event id), the same transaction confirmed from another block (new id),
        // the executor's confirmation and a failure of the mint, a capture and a release of the hold, the mint command again.
        var confirmation = DepositMac.Sign(new DepositObserved(wallet, platform.Custody.ToLowerHex(), Ether.ToString(CultureInfo.InvariantCulture), tx,
            deposit.BlockNumber, deposit.BlockHash, Confirmed: true, Reorged: false), CustodyPlatform.DepositKey);
        await platform.PublishAsync(TopicCatalog.CustodyEvents, EventEnvelope.Create(wallet, confirmation, DateTimeOffset.UtcNow,
            id: DepositEventIds.For(tx, ObservationStage.Confirmed, deposit.BlockHash)));
        await platform.PublishAsync(TopicCatalog.CustodyEvents, wallet, DepositMac.Sign(confirmation with { BlockHash = "0x" + new string('e', 64) }, CustodyPlatform.DepositKey));
        var mint = OrderGrain.MintCommandId(orderId);
        await platform.PublishAsync(TopicCatalog.OrderEvents, orderId, new DeliveryUpdated(orderId, mint, ChainTransactionUpdated.Confirmed, "again"));
        await platform.PublishAsync(TopicCatalog.OrderEvents, orderId, new DeliveryUpdated(orderId, mint, ChainTransactionUpdated.Failed, "reverted"));
        await platform.PublishAsync(TopicCatalog.OrderEvents, orderId, new FundsHeld(orderId, wallet, "ETH", price.ToString(CultureInfo.InvariantCulture)));
        await platform.PublishAsync(TopicCatalog.CustodyEvents, wallet, new HoldCaptureRequested(wallet, orderId));
        await platform.PublishAsync(TopicCatalog.CustodyEvents, wallet, new HoldReleaseRequested(wallet, orderId, "late"));
        await platform.PublishAsync(TopicCatalog.CustodyEvents, wallet, new HoldRequested(wallet, orderId, "ETH", price.ToString(CultureInfo.InvariantCulture)));
        var command = new ChainCommandRequested(mint, "mint", platform.Items.Address.ToString(), "0", OrderGrain.MintCall(wallet, tokenId.ToString(CultureInfo.InvariantCulture)), 0, null);
        var duplicates = Executor.Metrics.Duplicates;
        await platform.PublishAsync(TopicCatalog.ChainCommands, mint, command);
        await Eventually.Until(() => Executor.Metrics.Duplicates > duplicates, CustodyPlatform.Deadline, "the executor to skip the mint command it already executed");

        // A marker behind them on each key: once it is applied, everything before it was. Holds, captures, releases and
        // answers published to the topics are not inputs of the grains any more (orders call for them), so the markers
        // are inputs: a pending deposit of no value to the balance, and a delivery update of a command the order never asked for.
        var markerTx = "0x" + new string('d', 64);
        await platform.PublishAsync(TopicCatalog.CustodyEvents, wallet, DepositMac.Sign(new DepositObserved(wallet, platform.Custody.ToLowerHex(), "1", markerTx,
            deposit.BlockNumber + 1, "0x" + new string('f', 64), Confirmed: false, Reorged: false), CustodyPlatform.DepositKey));
        await Eventually.Until(async () => (await platform.AccountAsync(player))!.Deposits.Any(d => d.TransactionHash == markerTx), CustodyPlatform.Deadline,
            () => "the marker deposit applied after the repeats");
        await platform.PublishAsync(TopicCatalog.OrderEvents, orderId, new DeliveryUpdated(orderId, "marker", ChainTransactionUpdated.Confirmed, "marker"));
        await Eventually.Until(async () => (await platform.OrderAsync(orderId))!.History.Any(h => h.Detail?.StartsWith("marker", StringComparison.Ordinal) == true),
            CustodyPlatform.Deadline, () => "the marker applied to the order after the repeats");

        var account = (await platform.AccountAsync(player))!;
        Assert.Equal(((Ether - price).ToString(CultureInfo.InvariantCulture), price.ToString(CultureInfo.InvariantCulture), Ether.ToString(CultureInfo.InvariantCulture)),
            (account.Available, account.Spent, account.Credited));
        Assert.Equal("0", account.Held);
        var order = (await platform.OrderAsync(orderId))!;
        Assert.Equal(OrderStatus.Completed, order.Status);
        Assert.Single(order.History, h => h.To == OrderStatus.Completed && h.From != h.To);
        Assert.Equal(player.Address, await platform.Items.OwnerOfAsync(tokenId));
        Assert.Equal(BigInteger.One, await platform.Items.BalanceOfAsync(player.Address));
        Assert.Equal(nonce, await platform.Eth.GetTransactionCountAsync(platform.Custody, BlockTag.Pending));
    }
}
