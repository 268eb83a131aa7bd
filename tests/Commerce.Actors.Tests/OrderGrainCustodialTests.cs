using System.Numerics;
using Commerce.Actors.Custody;
using Commerce.Actors.Ledger;
using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Tests.Harness;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Events;
using Commerce.Events.Chain;
using Commerce.Events.Custody;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Orders;
using Commerce.Events.Topics;
using Commerce.Chain.Contracts.Messages;
using Nethereum.Contracts;

namespace Commerce.Actors.Tests;

/// <summary>
/// The custodial order path (docs/ORDERS.md, "custodial") in Orleans' test cluster: the order calls its item and the
/// buyer's custody account and gets their answers at once, so the placement alone takes a funded order to paid. Each
/// test has an order, a wallet (also the player) and an item of its own.
/// </summary>
public sealed class OrderGrainCustodialTests(CheckoutClustersFixture fixture) : IClassFixture<CheckoutClustersFixture>
{
    private static readonly DateTimeOffset T0 = GrainClusterFixture.T0;
    private const string Collection = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

    private readonly string _orderId = "0x" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
    private readonly string _wallet = "0x" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")[..8];
    private readonly string _itemId = $"dragons:{Guid.NewGuid():N}";
    private GrainCluster _cluster = fixture.WithoutCheckout;

    private string MintId => OrderGrain.MintCommandId(_orderId);

    [Fact]
    public async Task A_reserved_custodial_order_holds_the_price_on_the_buyers_custody_account()
    {
        await ListAsync();
        await FundAsync("1500");
        await ApplyAsync(Placed());

        var account = await AccountAsync();
        Assert.Equal(("500", "1000"), (account.Available, account.Held));
        var hold = Assert.Single(account.Holds);
        Assert.Equal((_orderId, "1000", HoldStatus.Held), (hold.OrderId, hold.Amount, hold.Status));
        var order = await OrderAsync();
        Assert.Contains(order.History, h => h.Event == nameof(HoldRequested) && h.Detail == "1000 wei asked of the custodial balance");
        Assert.Equal<string>([OrderStatus.Placed, OrderStatus.Reserved, OrderStatus.Paid], order.History.Where(h => h.From != h.To).Select(h => h.To));
    }

    [Fact]
    public async Task Funds_held_ask_the_executor_for_the_mint_to_the_wallet_hold_the_item_until_it_settles_and_stop_the_payment_timeout()
    {
        await PaidAsync();
        var order = await OrderAsync();
        Assert.Equal((OrderStatus.Paid, "1000"), (order.Status, order.TotalPaid));
        Assert.Equal(AsOrders(new ChainCommandRequested(MintId, "mint", Collection, "0", OrderGrain.MintCall(_wallet, "7"), 0, null)), Assert.Single(await CommandsAsync(MintId)));
        var reminders = await RemindersAsync();
        Assert.DoesNotContain(OrderGrain.PaymentReminder, reminders.Keys);
        Assert.Equal((T0 + OrderGrain.MintRecheck, (IEvent)new OrderTimedOut(_orderId, OrderGrain.MintReminder)), reminders[OrderGrain.MintReminder]);
        Assert.Equal<string>([OrderStatus.Placed, OrderStatus.Reserved, OrderStatus.Paid], (await _cluster.OrderPushesOfAsync(_wallet)).Select(u => u.Status));
        Assert.Equal(OrderStatus.Paid, Assert.Single((await PlayerAsync()).Orders).Status);

        var item = await ItemAsync();
        Assert.Equal((ItemStatus.Settling, _orderId), (item.Status, item.Reservation!.OrderId));
        Assert.Equal<IEvent>([new ItemPaidFor(_itemId, _orderId, _wallet, _wallet)], await ItemEventsAsync());
    }

    [Fact]
    public async Task A_mint_the_executor_never_answered_is_asked_again_with_the_same_command_id_until_it_does()
    {
        await PaidAsync();

        // Woken before the check is due (by the platform's clock), the reminder asks nothing.
        await TickAsync(OrderGrain.MintReminder, T0 + OrderGrain.MintRecheck / 2);
        Assert.Single(await CommandsAsync(MintId));

        // The request was lost (e.g. the embedded broker restarted): the check asks again, same id, and checks back.
        await TickAsync(OrderGrain.MintReminder, T0 + OrderGrain.MintRecheck);
        var commands = await CommandsAsync(MintId);
        Assert.Equal(2, commands.Count);
        Assert.Equal(commands[0], commands[1]);
        Assert.Equal(T0 + 2 * OrderGrain.MintRecheck, (await RemindersAsync())[OrderGrain.MintReminder].DueAt);
        Assert.Equal(OrderStatus.Paid, (await OrderAsync()).Status);

        // Once the executor speaks, the check stops; a wake-up after that asks nothing.
        await ApplyAsync(Delivery(ChainTransactionUpdated.Submitted), T0 + OrderGrain.MintRecheck + TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(OrderGrain.MintReminder, (await RemindersAsync()).Keys);
        await TickAsync(OrderGrain.MintReminder, T0 + 3 * OrderGrain.MintRecheck);
        Assert.Equal(2, (await CommandsAsync(MintId)).Count);
        Assert.Equal(OrderStatus.Delivering, (await OrderAsync()).Status);
    }

    [Theory]
    [InlineData("0x00000000000000000000000000000000000000aa", "5",
        "0xd3fc986400000000000000000000000000000000000000000000000000000000000000aa000000000000000000000000000000000000000000000000000000000000000500000000000000000000000000000000000000000000000000000000000000600000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0xAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "0",
        "0xd3fc9864000000000000000000000000aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000600000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0x00000000000000000000000000000000000000aa", "256",
        "0xd3fc986400000000000000000000000000000000000000000000000000000000000000aa000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000000600000000000000000000000000000000000000000000000000000000000000000")]
    public void The_mint_call_data_is_the_abi_encoding_of_mint_to_token_and_an_empty_uri(string to, string tokenId, string expected) =>
        Assert.Equal(expected, OrderGrain.MintCall(to, tokenId));

    [Fact]
    public async Task The_submitted_mint_moves_the_order_to_delivering_and_its_confirmation_completes_it_and_spends_the_hold()
    {
        await PaidAsync();
        await ApplyAsync(Delivery(ChainTransactionUpdated.Submitted));
        Assert.Equal(OrderStatus.Delivering, (await OrderAsync()).Status);
        Assert.Equal(OrderStatus.Delivering, Assert.Single((await PlayerAsync()).Orders).Status);
        var before = await SnapshotAsync();
        await ApplyAsync(Delivery(ChainTransactionUpdated.Mined));
        Assert.Equal(before, await SnapshotAsync());

        await ApplyAsync(Delivery(ChainTransactionUpdated.Confirmed));
        var order = await OrderAsync();
        Assert.Equal((OrderStatus.Completed, true), (order.Status, order.Terminal));
        var account = await AccountAsync();
        Assert.Equal(("0", "0", "1000"), (account.Available, account.Held, account.Spent));
        Assert.Equal(HoldStatus.Captured, Assert.Single(account.Holds).Status);
        Assert.Equal("custody.captured", (await _cluster.LedgerOfAsync(CustodyAccountGrain.TypeName, _wallet))[^1].Kind);
        var item = await ItemAsync();
        Assert.Equal((ItemStatus.Minted, _wallet, (Reservation?)null), (item.Status, item.Owner, item.Reservation));
        Assert.Equal(new ItemSold(_itemId, _orderId, _wallet, Minted: true), (await ItemEventsAsync())[^1]);
        Assert.Equal(new LedgerEntry("nft.minted", _itemId, "dragons", "7", null, _wallet, $"order {_orderId}"),
            Assert.Single(await _cluster.LedgerOfAsync(NftItemGrain.TypeName, _itemId)));
        Assert.Equal(OrderStatus.Completed, Assert.Single((await PlayerAsync()).Orders).Status);
    }

    [Fact]
    public async Task A_forged_executor_word_on_the_mint_moves_no_money_and_no_nft_and_the_genuine_one_still_does()
    {
        await PaidAsync();
        await ApplyAsync(Delivery(ChainTransactionUpdated.Submitted));
        var delivering = await SnapshotAsync();

        // Whoever can write commerce.order-events but is not the executor: a "failed" (the hold back and the item freed for
        // a mint that happened) and a "confirmed" (the hold captured for one that did not), unmarked, under another key,
        // marked for the custody accounts, or a marked "submitted" turned into "failed" or given a reason after marking.
        var failed = new DeliveryUpdated(_orderId, MintId, ChainTransactionUpdated.Failed, "reverted") { Reason = "reverted" };
        var otherKey = System.Security.Cryptography.SHA256.HashData("not-the-orders-command-key"u8);
        var submitted = Delivery(ChainTransactionUpdated.Submitted);
        var custodyWord = new ChainTransactionUpdated(MintId, ChainTransactionUpdated.Failed, "0x00000000000000000000000000000000000000e1", 0, null, null,
            null, null, null, "reverted", T0);
        foreach (var forged in new[]
        {
            failed,
            new DeliveryUpdated(_orderId, MintId, ChainTransactionUpdated.Confirmed, null),
            GrainCluster.Marked(failed, otherKey),
            failed with { ExecutorMac = ChainUpdateMac.Sign(custodyWord, ChainCommandKinds.CustodyRequester, GrainCluster.OrdersCommandKey).ExecutorMac },
            submitted with { Status = ChainTransactionUpdated.Failed },
            submitted with { Status = ChainTransactionUpdated.Confirmed },
            submitted with { Status = ChainTransactionUpdated.Failed, Reason = "reverted" },
        })
        {
            await ApplyAsync(forged);
            Assert.Equal(delivering, await SnapshotAsync());
        }
        Assert.Equal(OrderStatus.Delivering, (await OrderAsync()).Status);
        Assert.Contains((await OrderAsync()).History, h => h.Detail == $"{MintId}: failed ignored, it does not carry the executor's mark");
        Assert.Equal(("0", "1000", "0"), ((await AccountAsync()).Available, (await AccountAsync()).Held, (await AccountAsync()).Spent));

        await ApplyAsync(Delivery(ChainTransactionUpdated.Confirmed));
        Assert.Equal(OrderStatus.Completed, (await OrderAsync()).Status);
        Assert.Equal(("0", "0", "1000"), ((await AccountAsync()).Available, (await AccountAsync()).Held, (await AccountAsync()).Spent));
    }

    [Fact]
    public async Task A_confirmation_without_the_submitted_step_still_completes()
    {
        await PaidAsync();
        await ApplyAsync(Delivery(ChainTransactionUpdated.Confirmed));
        Assert.Equal(OrderStatus.Completed, (await OrderAsync()).Status);
        Assert.Equal("1000", (await AccountAsync()).Spent);
    }

    [Theory]
    [InlineData("reverted")]
    [InlineData("refused before sending: it would revert (gas estimation: execution reverted)")]
    [InlineData("cancelled by a no-op")]
    public async Task A_failed_mint_releases_the_hold_frees_the_item_and_ends_the_order_refunded(string reason)
    {
        await PaidAsync();
        await ApplyAsync(Delivery(ChainTransactionUpdated.Submitted));
        await ApplyAsync(Delivery(ChainTransactionUpdated.Failed, reason));

        var order = await OrderAsync();
        Assert.Equal((OrderStatus.Refunded, true, "0"), (order.Status, order.Terminal, order.TotalPaid));
        var account = await AccountAsync();
        Assert.Equal(("1000", "0", "0"), (account.Available, account.Held, account.Spent));
        var hold = Assert.Single(account.Holds);
        Assert.Equal((HoldStatus.Released, $"the mint failed: {reason}"), (hold.Status, hold.Reason));
        var item = await ItemAsync();
        Assert.Equal((ItemStatus.Available, (Reservation?)null), (item.Status, item.Reservation));
        Assert.Equal(new ReservationReleased(_itemId, _orderId, "the mint failed"), (await ItemEventsAsync())[^1]);
        var update = Assert.Single((await PlayerAsync()).Orders);
        Assert.Equal(OrderStatus.Refunded, update.Status);
        Assert.Contains(reason, update.Detail);
    }

    [Fact]
    public async Task After_its_one_terminal_state_repeated_and_late_updates_change_nothing()
    {
        await PaidAsync();
        await ApplyAsync(Delivery(ChainTransactionUpdated.Failed, "reverted"));
        var after = await SnapshotAsync();
        Assert.Equal(OrderStatus.Refunded, after.Status);
        foreach (var late in new IEvent[]
        {
            Delivery(ChainTransactionUpdated.Failed, "reverted"),
            Delivery(ChainTransactionUpdated.Confirmed),
            Delivery(ChainTransactionUpdated.Submitted),
            Placed(),
        })
        {
            await ApplyAsync(late, T0.AddMinutes(1));
            Assert.Equal(after, await SnapshotAsync());
        }
        await TickAsync(OrderGrain.PaymentReminder, T0.AddMinutes(16));
        await TickAsync(OrderGrain.MintReminder, T0.AddMinutes(16));
        _cluster.Clock.Set(T0.AddMinutes(16));
        await _cluster.TickAsync<INftItemGrain>(_itemId, "reservation");
        Assert.Equal(after, await SnapshotAsync());
    }

    [Fact]
    public async Task A_placement_delivered_again_while_the_mint_is_under_way_holds_and_asks_for_nothing_more()
    {
        await ListAsync();
        await FundAsync("1000");
        var placed = Placed();
        var offset = await ApplyAsync(placed);
        var paid = await SnapshotAsync();
        Assert.Equal(OrderStatus.Paid, paid.Status);
        await _cluster.ApplyAtAsync<IOrderGrain>(_orderId, EventEnvelope.Create(_orderId, placed, T0), offset);   // redelivered
        await ApplyAsync(placed);                                                                               // placed again (another record)
        Assert.Equal(paid, await SnapshotAsync());
        Assert.Contains((await OrderAsync()).History, h => h.Detail == "a repeat of the placed order");

        await ApplyAsync(Delivery(ChainTransactionUpdated.Submitted));
        var delivering = await SnapshotAsync();
        await ApplyAsync(placed);
        Assert.Equal(delivering, await SnapshotAsync());
        var account = await AccountAsync();
        Assert.Equal(("0", "1000"), (account.Available, account.Held));
        Assert.Single(await _cluster.LedgerOfAsync(CustodyAccountGrain.TypeName, _wallet), e => e.Kind == "custody.held");
    }

    [Fact]
    public async Task A_custodial_order_whose_item_is_refused_is_cancelled_and_holds_no_funds()
    {
        await FundAsync("1000");                                        // the item is never listed
        await ApplyAsync(Placed());
        var order = await OrderAsync();
        Assert.Equal((OrderStatus.Cancelled, "the item is not listed"), (order.Status, order.History[^1].Detail));
        var account = await AccountAsync();
        Assert.Equal(("1000", "0"), (account.Available, account.Held));
        Assert.Empty(account.Holds);
        Assert.Empty(await CommandsAsync(MintId));
        Assert.DoesNotContain(OrderGrain.PaymentReminder, (await RemindersAsync()).Keys);
    }

    [Fact]
    public async Task A_refused_hold_cancels_the_order_and_frees_the_item()
    {
        await ListAsync();
        await FundAsync("10");
        await ApplyAsync(Placed());

        var order = await OrderAsync();
        Assert.Equal((OrderStatus.Cancelled, true), (order.Status, order.Terminal));
        var item = await ItemAsync();
        Assert.Equal((ItemStatus.Available, (Reservation?)null), (item.Status, item.Reservation));
        Assert.Equal<IEvent>([new ReservationReleased(_itemId, _orderId, "the custodial balance did not cover the price")], await ItemEventsAsync());
        var update = Assert.Single((await PlayerAsync()).Orders);
        Assert.Equal(OrderStatus.Cancelled, update.Status);
        Assert.StartsWith("insufficient balance: 10 wei available, 1000 wei asked", update.Detail);
        Assert.Empty(await CommandsAsync(MintId));
        Assert.Empty(await RemindersAsync());
        var account = await AccountAsync();
        Assert.Equal(("10", HoldStatus.Refused), (account.Available, Assert.Single(account.Holds).Status));
    }

    [Fact]
    public async Task Updates_of_other_commands_and_of_non_custodial_orders_are_only_recorded()
    {
        await PaidAsync();
        var paid = await SnapshotAsync();
        await ApplyAsync(GrainCluster.Marked(new DeliveryUpdated(_orderId, $"order:{_orderId}:refund", ChainTransactionUpdated.Failed, "reverted") { Reason = "reverted" }));
        Assert.Equal(paid, await SnapshotAsync());
        Assert.Equal(OrderStatus.Paid, (await OrderAsync()).Status);
    }

    [Fact]
    public async Task A_non_custodial_order_asks_no_custody_account_and_ignores_delivery_updates()
    {
        await ListAsync();
        await ApplyAsync(Placed() with { PaymentKind = "eth" });
        Assert.Equal(OrderStatus.Reserved, (await OrderAsync()).Status);
        Assert.Null(await _cluster.StateAsync<CustodyAccountState>(CustodyAccountGrain.TypeName, _wallet));

        var reserved = await SnapshotAsync();
        await ApplyAsync(Delivery(ChainTransactionUpdated.Confirmed));
        Assert.Equal(reserved, await SnapshotAsync());
        Assert.Equal(OrderStatus.Reserved, (await OrderAsync()).Status);
    }

    [Fact]
    public async Task A_token_the_checkout_holds_is_delivered_by_release_item_and_its_confirmation_sells_it_without_a_mint()
    {
        _cluster = fixture.WithCheckout;
        await ListAsync();
        await FundAsync("1000");
        await ApplyAsync(Placed() with { DeliverFromCheckout = true });

        var releaseId = OrderGrain.ReleaseCommandId(_orderId);
        Assert.Equal(AsOrders(new ChainCommandRequested(releaseId, "release", CheckoutClustersFixture.Checkout, "0", OrderGrain.ReleaseCall(Collection, "7", _wallet), 0, null)),
            Assert.Single(await CommandsAsync(releaseId)));
        Assert.Empty(await CommandsAsync(MintId));
        Assert.Equal(HexString.Encode(new CheckoutFunctions.ReleaseItem { Collection = EthAddress.Parse(Collection).ToString(), TokenId = 7, To = EthAddress.Parse(_wallet).ToString() }.GetCallData()),
            OrderGrain.ReleaseCall(Collection, "7", _wallet));
        Assert.Contains((await OrderAsync()).History, h => h.To == OrderStatus.Paid && h.Detail!.Contains("releasing token 7", StringComparison.Ordinal));

        // The word on a mint command is not this order's delivery: recorded, nothing changes.
        var paid = await SnapshotAsync();
        await ApplyAsync(Delivery(ChainTransactionUpdated.Confirmed));
        Assert.Equal(paid, await SnapshotAsync());

        await ApplyAsync(GrainCluster.Marked(new DeliveryUpdated(_orderId, releaseId, ChainTransactionUpdated.Confirmed, null)));
        Assert.Equal(OrderStatus.Completed, (await OrderAsync()).Status);
        var item = await ItemAsync();
        Assert.Equal((ItemStatus.Sold, _wallet), (item.Status, item.Owner));
        Assert.Equal(new ItemSold(_itemId, _orderId, _wallet, Minted: false), (await ItemEventsAsync())[^1]);
        var account = await AccountAsync();
        Assert.Equal(("0", "1000"), (account.Held, account.Spent));
    }

    [Fact]
    public async Task Without_a_checkout_to_release_from_the_order_asks_for_the_mint()
    {
        // (the executor refuses a mint of an existing token at estimation, and the order ends refunded)
        await ListAsync();
        await FundAsync("1000");
        await ApplyAsync(Placed() with { DeliverFromCheckout = true });
        var command = Assert.Single(await CommandsAsync(MintId));
        Assert.Equal((MintId, "mint"), (command.CommandId, command.Kind));
        Assert.Empty(await CommandsAsync(OrderGrain.ReleaseCommandId(_orderId)));
    }

    /// <summary>A listed item, a custody account of 1000 wei and the order placed: held, paid, the mint asked for.</summary>
    private async Task PaidAsync()
    {
        await ListAsync();
        await FundAsync("1000");
        await ApplyAsync(Placed());
        Assert.Equal(OrderStatus.Paid, (await OrderAsync()).Status);
    }

    private OrderPlaced Placed() =>
        new(_orderId, _wallet, _wallet, _itemId,
            new OrderQuote(Collection, "7", _wallet, "0x0000000000000000000000000000000000000000", "1000", 1, T0.AddMinutes(10).ToUnixTimeSeconds(), _orderId),
            "0xsig", OrderGrain.CustodialKind, "k1");

    /// <summary>The command as the order grains mark it (requester orders, the clusters' Orders:CommandKey).</summary>
    private static ChainCommandRequested AsOrders(ChainCommandRequested command) =>
        ChainCommandMac.Sign(command, ChainCommandKinds.OrdersRequester, GrainCluster.OrdersCommandKey);

    /// <summary>The executor's word on the order's delivery, marked as the executor marks it (the detail is its reason).</summary>
    private DeliveryUpdated Delivery(string status, string? detail = null) =>
        GrainCluster.Marked(new DeliveryUpdated(_orderId, MintId, status, detail) { Reason = detail });

    private async Task ListAsync()
    {
        _cluster.Clock.Set(T0);
        await _cluster.ApplyAsync<INftItemGrain>(_itemId, new ItemListed(_itemId, "dragons", "7", "legendary", 1, 1, 2.5m, "ETH", null), T0);
    }

    private async Task FundAsync(string amount)
    {
        _cluster.Clock.Set(T0);
        await _cluster.ApplyAsync<ICustodyAccountGrain>(_wallet,
            GrainCluster.Marked(new DepositObserved(_wallet, "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", amount, $"0xdeposit{Guid.NewGuid():N}", 10, "0xb1", true, false)), T0);
    }

    /// <summary>A record of commerce.order-events for this order, as the ingress hands it, at <paramref name="at"/> (T0 by default) on the platform's clock.</summary>
    private Task<long> ApplyAsync(IEvent payload, DateTimeOffset? at = null)
    {
        _cluster.Clock.Set(at ?? T0);
        return _cluster.ApplyAsync<IOrderGrain>(_orderId, payload, at ?? T0);
    }

    private Task TickAsync(string reminder, DateTimeOffset at)
    {
        _cluster.Clock.Set(at);
        return _cluster.TickAsync<IOrderGrain>(_orderId, reminder);
    }

    private async Task<OrderState> OrderAsync() =>
        await _cluster.StateAsync<OrderState>(OrderGrain.TypeName, _orderId) ?? throw new InvalidOperationException($"order {_orderId} was never stored");

    private async Task<NftItemState> ItemAsync() =>
        await _cluster.StateAsync<NftItemState>(NftItemGrain.TypeName, _itemId) ?? throw new InvalidOperationException($"item {_itemId} was never stored");

    private async Task<CustodyAccountState> AccountAsync() =>
        await _cluster.StateAsync<CustodyAccountState>(CustodyAccountGrain.TypeName, _wallet)
        ?? throw new InvalidOperationException($"custody account {_wallet} was never stored");

    private async Task<PlayerSessionState> PlayerAsync() =>
        await _cluster.StateAsync<PlayerSessionState>(PlayerSessionGrain.TypeName, _wallet)
        ?? throw new InvalidOperationException($"player {_wallet} was never stored");

    private Task<IReadOnlyDictionary<string, (DateTimeOffset DueAt, IEvent Message)>> RemindersAsync() =>
        _cluster.PendingRemindersOfAsync(OrderGrain.TypeName, _orderId);

    private async Task<IReadOnlyList<ChainCommandRequested>> CommandsAsync(string commandId) =>
        [.. (await _cluster.OutboxOfAsync(TopicCatalog.ChainCommands, commandId)).Cast<ChainCommandRequested>()];

    private Task<IReadOnlyList<IEvent>> ItemEventsAsync() => _cluster.OutboxOfAsync(TopicCatalog.ItemEvents, _itemId);

    /// <summary>Everything the order's path can change: its status and what it paid, the account, the item, and what was published or pushed.</summary>
    private async Task<Snapshot> SnapshotAsync()
    {
        var order = await OrderAsync();
        var account = await _cluster.StateAsync<CustodyAccountState>(CustodyAccountGrain.TypeName, _wallet);
        var item = await ItemAsync();
        var pending = await RemindersAsync();
        return new Snapshot(order.Status, order.TotalPaid, account?.Available, account?.Held, account?.Spent, item.Status, item.Reservation?.OrderId,
            (await CommandsAsync(MintId)).Count + (await CommandsAsync(OrderGrain.ReleaseCommandId(_orderId))).Count,
            (await ItemEventsAsync()).Count, (await _cluster.OrderPushesOfAsync(_wallet)).Count,
            string.Join(",", pending.OrderBy(r => r.Key).Select(r => $"{r.Key}@{r.Value.DueAt:O}")));
    }

    private sealed record Snapshot(string Status, string TotalPaid, string? Available, string? Held, string? Spent, ItemStatus ItemStatus,
        string? ItemHeldFor, int ChainCommands, int ItemEvents, int Pushes, string Reminders);
}
