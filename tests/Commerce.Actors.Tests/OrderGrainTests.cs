using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Commerce.Actors.Ledger;
using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Runtime;
using Commerce.Actors.Serialization;
using Commerce.Actors.Tests.Harness;
using Commerce.Events;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Orders;
using Commerce.Events.Player;
using Commerce.Events.Pushes;
using Commerce.Events.Serialization;
using Commerce.Events.Topics;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Actors.Tests;

/// <summary>
/// The order saga (docs/ORDERS.md) step by step in Orleans' test cluster: the order calls its item (whose answer comes
/// back at once) and its player, messages from Kafka go in through the ingress, reminders are fired on the test's clock.
/// Every test has its own order, item and wallet.
/// </summary>
public sealed class OrderGrainTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private static readonly DateTimeOffset T0 = GrainClusterFixture.T0;
    private static readonly DateTimeOffset HoldEnd = T0.AddMinutes(OrderOptions.DefaultReservationMinutes);

    private GrainCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Placing_an_order_holds_the_item_at_once_and_sets_the_payment_reminder_for_the_end_of_the_hold()
    {
        var b = await NewBuyerAsync();
        var step = await SendAsync(b, Placed(b), T0);

        // The item answered the order's call at once: no ReservationRequested on a topic any more.
        var order = await OrderAsync(b);
        Assert.Equal((OrderStatus.Reserved, HoldEnd, "k1", false), (order.Status, order.ReservedUntil, order.IdempotencyKey, order.Terminal));
        Assert.Equal([(nameof(OrderPlaced), OrderStatus.None, OrderStatus.Placed), (nameof(ItemReserved), OrderStatus.Placed, OrderStatus.Reserved)],
            order.History.Select(h => (h.Event, h.From, h.To)));
        var item = await ItemAsync(b);
        Assert.Equal((ItemStatus.Reserved, new Reservation(b.OrderId, b.Wallet, HoldEnd)), (item.Status, item.Reservation));
        Assert.Empty(step.On(TopicCatalog.ItemEvents)); // a hold is no fact for pricing

        var reminder = Assert.Single(await PendingRemindersAsync(OrderGrain.TypeName, b.OrderId));
        Assert.Equal((OrderGrain.PaymentReminder, HoldEnd), (reminder.Key, reminder.Value.DueAt));
        Assert.Equal(new OrderTimedOut(b.OrderId, OrderGrain.PaymentReminder), ReminderMessage(reminder.Value));
        Assert.NotNull(await ReminderRowAsync<IOrderGrain>(b.OrderId, OrderGrain.PaymentReminder));

        Assert.Equal([OrderStatus.Placed, OrderStatus.Reserved], step.OrderUpdates().Select(u => u.Status));
        Assert.Equal(OrderStatus.Reserved, Assert.Single((await PlayerAsync(b)).Orders).Status);
    }

    [Fact]
    public async Task The_hold_lasts_the_configured_reservation_minutes()
    {
        // Moved: the reservation time was the old runtime's grain definition; it is now OrderOptions.ReservationMinutes.
        await using var cluster = await GrainCluster.StartAsync(T0, new OrderOptions { ReservationMinutes = 3 });
        var b = Buyer.New();
        await cluster.ApplyAsync<INftItemGrain>(b.ItemId, Listing(b), T0);
        await cluster.ApplyAsync<IOrderGrain>(b.OrderId, Placed(b), T0);

        var order = await cluster.StateAsync<OrderState>(OrderGrain.TypeName, b.OrderId);
        Assert.Equal((OrderStatus.Reserved, T0.AddMinutes(3)), (order!.Status, order.ReservedUntil));
        Assert.Equal(T0.AddMinutes(3), (await cluster.StateAsync<NftItemState>(NftItemGrain.TypeName, b.ItemId))!.Reservation!.Until);
        var stored = await cluster.Store.LoadStateAsync(OrderGrain.TypeName, b.OrderId, CancellationToken.None);
        Assert.Equal(T0.AddMinutes(3), RuntimeRecord(stored!.Origins).Reminders[OrderGrain.PaymentReminder].DueAt);
    }

    [Fact]
    public async Task A_reserved_order_paid_in_full_and_confirmed_completes_and_the_item_is_minted_to_the_wallet()
    {
        var b = await NewBuyerAsync();
        await SendAsync(b, Placed(b), T0);
        Assert.Equal(OrderStatus.Reserved, (await OrderAsync(b)).Status);

        var paid = await SendAsync(b, Payment(b, "Purchased", "1000", confirmed: true), T0.AddMinutes(2));

        var order = await OrderAsync(b);
        Assert.Equal((OrderStatus.Completed, true, "1000"), (order.Status, order.Terminal, order.TotalPaid));
        Assert.Equal([OrderStatus.None, OrderStatus.Placed, OrderStatus.Reserved], order.History.Select(h => h.From));
        Assert.Equal([OrderStatus.Placed, OrderStatus.Reserved, OrderStatus.Completed], order.History.Select(h => h.To));
        // The sale is published by the item now (it was the order's record).
        Assert.Equal<IEvent>([new ItemSold(b.ItemId, b.OrderId, b.Wallet, Minted: true)], paid.On(TopicCatalog.ItemEvents));
        Assert.Equal([new OrderUpdated(b.Wallet, b.OrderId, b.ItemId, OrderStatus.Completed, "paid 1000 in 0xtx")], paid.OrderUpdates());
        var item = await ItemAsync(b);
        Assert.Equal((ItemStatus.Minted, b.Wallet, (Reservation?)null), (item.Status, item.Owner, item.Reservation));

        // The payment reminder is gone, its message and its Orleans reminder.
        Assert.Empty(await PendingRemindersAsync(OrderGrain.TypeName, b.OrderId));
        Assert.Null(await ReminderRowAsync<IOrderGrain>(b.OrderId, OrderGrain.PaymentReminder));

        // The item's entry comes first: the item stores its change before it answers the order, which stores its own after.
        Assert.Equal([
            new LedgerEntry("nft.minted", b.ItemId, "dragons", b.ItemId[8..], null, b.Wallet, $"order {b.OrderId}"),
            new LedgerEntry("payment.Purchased", b.OrderId, Zero, "1000", b.Wallet, "checkout", "0xtx:0"),
        ], await LedgerAsync(b.OrderId, b.ItemId));
    }

    [Fact]
    public async Task A_refused_reservation_cancels_the_order_and_its_reminder()
    {
        var b = await NewBuyerAsync();
        var rival = b.Rival();
        await SendAsync(rival, Placed(rival), T0);

        var step = await SendAsync(b, Placed(b), T0.AddSeconds(1));

        var order = await OrderAsync(b);
        Assert.Equal((OrderStatus.Cancelled, true), (order.Status, order.Terminal));
        Assert.Equal([(OrderStatus.Placed, null), (OrderStatus.Cancelled, "the item is reserved by another order")],
            step.OrderUpdates().Select(u => (u.Status, u.Detail)));
        Assert.Empty(step.On(TopicCatalog.ItemEvents)); // nothing was held, nothing to release
        Assert.Empty(await PendingRemindersAsync(OrderGrain.TypeName, b.OrderId));
        Assert.Null(await ReminderRowAsync<IOrderGrain>(b.OrderId, OrderGrain.PaymentReminder));
        Assert.Equal(rival.OrderId, (await ItemAsync(b)).Reservation!.OrderId);
    }

    [Fact]
    public async Task When_the_hold_runs_out_the_payment_reminder_due_at_the_same_time_cancels_the_unpaid_order()
    {
        // Moved: the item no longer tells the order that its hold expired (ReservationExpired); the order's own payment
        // reminder, set for the same time, cancels it.
        var b = await NewBuyerAsync();
        await SendAsync(b, Placed(b), T0);

        // Woken before the platform's clock says it is due, the reminder does nothing.
        var early = await TickAsync<IOrderGrain>(b.OrderId, OrderGrain.PaymentReminder, HoldEnd.AddMinutes(-1));
        Assert.Empty(early.Published);
        var order = await OrderAsync(b);
        Assert.Equal((OrderStatus.Reserved, 2), (order.Status, order.History.Count));

        await TickAsync<INftItemGrain>(b.ItemId, "reservation", HoldEnd);
        Assert.Equal(ItemStatus.Available, (await ItemAsync(b)).Status);
        Assert.Equal(OrderStatus.Reserved, (await OrderAsync(b)).Status); // the item told nobody

        var step = await TickAsync<IOrderGrain>(b.OrderId, OrderGrain.PaymentReminder, HoldEnd);
        Assert.Equal(OrderStatus.Cancelled, (await OrderAsync(b)).Status);
        Assert.Equal([(OrderStatus.Cancelled, "the payment was not seen in time")], step.OrderUpdates().Select(u => (u.Status, u.Detail)));
        Assert.Equal(OrderStatus.Cancelled, Assert.Single((await PlayerAsync(b)).Orders).Status);
    }

    [Fact]
    public async Task The_payment_timeout_cancels_a_reserved_unpaid_order_and_releases_the_item()
    {
        var b = await NewBuyerAsync();
        await SendAsync(b, Placed(b), T0);
        await Cluster.DeactivateAsync<IOrderGrain>(b.OrderId); // the reminder's message is stored with the state

        var step = await TickAsync<IOrderGrain>(b.OrderId, OrderGrain.PaymentReminder, HoldEnd);

        var order = await OrderAsync(b);
        Assert.Equal((OrderStatus.Cancelled, true), (order.Status, order.Terminal));
        Assert.Equal((nameof(OrderTimedOut), OrderStatus.Reserved, "the payment was not seen in time"),
            (order.History[^1].Event, order.History[^1].From, order.History[^1].Detail));
        Assert.Equal<IEvent>([new ReservationReleased(b.ItemId, b.OrderId, "the payment was not seen in time")], step.On(TopicCatalog.ItemEvents));
        Assert.Equal([OrderStatus.Cancelled], step.OrderUpdates().Select(u => u.Status));
        var item = await ItemAsync(b);
        Assert.Equal((ItemStatus.Available, (Reservation?)null), (item.Status, item.Reservation));
        Assert.Empty(await PendingRemindersAsync(NftItemGrain.TypeName, b.ItemId));
        Assert.Empty(await PendingRemindersAsync(OrderGrain.TypeName, b.OrderId));
    }

    [Fact]
    public async Task The_payment_timeout_of_a_completed_order_changes_nothing()
    {
        var b = await NewBuyerAsync();
        await SendAsync(b, Placed(b), T0);
        await SendAsync(b, Payment(b, "Purchased", "1000", confirmed: true), T0.AddMinutes(1));
        var before = await OrderAsync(b);

        // Changed: the purchase cancelled the reminder with its message, so a late wake-up finds nothing to handle and
        // is not even recorded in the history (the old runtime delivered the OrderTimedOut and recorded it).
        var step = await TickAsync<IOrderGrain>(b.OrderId, OrderGrain.PaymentReminder, HoldEnd);

        Assert.Empty(step.Published);
        var after = await OrderAsync(b);
        Assert.Equal((OrderStatus.Completed, before.History.Count), (after.Status, after.History.Count));
        Assert.Null(await ReminderRowAsync<IOrderGrain>(b.OrderId, OrderGrain.PaymentReminder));
    }

    [Fact]
    public async Task Unconfirmed_reorged_and_mismatched_payments_are_recorded_and_change_nothing()
    {
        var b = await NewBuyerAsync();
        await SendAsync(b, Placed(b), T0);
        var attempts = new[]
        {
            Payment(b, "Purchased", "1000", confirmed: false),
            Payment(b, "Purchased", "1000", confirmed: true) with { Reorged = true },
            Payment(b, "Purchased", "999", confirmed: true),
            Payment(b, "Purchased", "1000", confirmed: true) with { Buyer = "0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", TransactionHash = "0xtx-other-buyer" },
            Payment(b, "PlanCompleted", "1000", confirmed: true),
        };
        foreach (var attempt in attempts)
        {
            var step = await SendAsync(b, attempt, T0.AddMinutes(1));
            Assert.Empty(step.Published);
            Assert.Equal(OrderStatus.Reserved, (await OrderAsync(b)).Status);
        }
        var order = await OrderAsync(b);
        Assert.Equal(attempts.Length, order.Payments.Count);
        Assert.Equal("0", order.TotalPaid);
        Assert.All(order.History.TakeLast(attempts.Length), h => Assert.Equal(h.From, h.To));
        Assert.Equal(ItemStatus.Reserved, (await ItemAsync(b)).Status);
        // Every confirmed log that moved money is in the ledger whatever the order made of it: the 999 and the other buyer's.
        Assert.Equal([("999", b.Wallet), ("1000", "0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")],
            (await LedgerAsync(b.OrderId)).Select(e => (e.Amount, e.From)));
    }

    [Fact]
    public async Task A_buyer_address_in_another_case_is_the_same_wallet()
    {
        var b = await NewBuyerAsync();
        await SendAsync(b, Placed(b), T0);
        await SendAsync(b, Payment(b, "Purchased", "1000", confirmed: true) with { Buyer = "0x" + b.Wallet[2..].ToUpperInvariant() }, T0.AddMinutes(1));
        Assert.Equal(OrderStatus.Completed, (await OrderAsync(b)).Status);
    }

    [Fact]
    public async Task An_installment_plan_is_active_after_the_down_payment_and_completes_with_the_sale()
    {
        var b = await NewBuyerAsync();
        await SendAsync(b, Placed(b, installments: 4, price: "1003"), T0);

        // Down payment: 1003 - 3 * (1003 / 4) = 1003 - 750 = 253.
        Assert.Empty((await SendAsync(b, Payment(b, "Purchased", "250", confirmed: true), T0.AddMinutes(1))).Published);
        // Another log (one log is one payment: its transaction and index are its dedupe key).
        var down = await SendAsync(b, Payment(b, "Purchased", "253", confirmed: true, totalPaid: "253") with { TransactionHash = "0xtx-down" }, T0.AddMinutes(1));
        Assert.Equal(OrderStatus.PlanActive, (await OrderAsync(b)).Status);
        // Held for the plan, not yet sold: the item holds it without expiry and publishes the fact.
        Assert.Equal<IEvent>([new ItemPaidFor(b.ItemId, b.OrderId, b.Wallet, b.Wallet)], down.On(TopicCatalog.ItemEvents));
        var item = await ItemAsync(b);
        Assert.Equal((ItemStatus.Settling, b.OrderId), (item.Status, item.Reservation!.OrderId));
        Assert.Equal([OrderStatus.PlanActive], down.OrderUpdates().Select(u => u.Status));

        var installment = await SendAsync(b, Payment(b, "InstallmentPaid", "250", confirmed: true, totalPaid: "503"), T0.AddDays(7));
        Assert.Empty(installment.Published);
        Assert.Equal("503", (await OrderAsync(b)).TotalPaid);

        // As the Checkout watcher reports it: no amount on PlanCompleted.
        var done = await SendAsync(b, Payment(b, "PlanCompleted", "0", confirmed: true, totalPaid: "0"), T0.AddDays(21));
        var order = await OrderAsync(b);
        Assert.Equal((OrderStatus.Completed, "1003"), (order.Status, order.TotalPaid));
        Assert.Equal<IEvent>([new ItemSold(b.ItemId, b.OrderId, b.Wallet, Minted: true)], done.On(TopicCatalog.ItemEvents));
        item = await ItemAsync(b);
        Assert.Equal((ItemStatus.Minted, b.Wallet, (Reservation?)null), (item.Status, item.Owner, item.Reservation));
    }

    [Fact]
    public async Task A_defaulted_plan_ends_defaulted_and_gives_the_item_back_for_sale()
    {
        var b = await NewBuyerAsync();
        await SendAsync(b, Placed(b, installments: 2, price: "1000"), T0);
        await SendAsync(b, Payment(b, "Purchased", "500", confirmed: true, totalPaid: "500"), T0.AddMinutes(1));
        Assert.Equal(ItemStatus.Settling, (await ItemAsync(b)).Status);

        var step = await SendAsync(b, Payment(b, "PlanDefaulted", "450", confirmed: true, totalPaid: "0"), T0.AddDays(8));

        var order = await OrderAsync(b);
        Assert.Equal((OrderStatus.Defaulted, true), (order.Status, order.Terminal));
        Assert.Equal("500", order.TotalPaid); // the refund is recorded among the payments, not as a payment
        Assert.Equal(b.OrderId, Assert.IsType<ReservationReleased>(Assert.Single(step.On(TopicCatalog.ItemEvents))).OrderId);
        Assert.Equal([OrderStatus.Defaulted], step.OrderUpdates().Select(u => u.Status));
        var item = await ItemAsync(b);
        Assert.Equal((ItemStatus.Available, (Reservation?)null), (item.Status, item.Reservation));

        var next = b.Rival();
        await SendAsync(next, Placed(next), T0.AddDays(8));
        Assert.Equal(OrderStatus.Reserved, (await OrderAsync(next)).Status);
        Assert.Equal(next.OrderId, (await ItemAsync(b)).Reservation!.OrderId);
    }

    [Fact]
    public async Task After_the_terminal_state_every_event_is_recorded_and_nothing_changes()
    {
        var b = await NewBuyerAsync();
        await CallAsync(Cluster.Grains.GetGrain<INftItemGrain>(b.ItemId).SellAsync, new ItemSold(b.ItemId, "another-order", b.Rival().Wallet, Minted: true), T0);
        await SendAsync(b, Placed(b), T0);
        Assert.Equal("the item is sold", (await OrderAsync(b)).History[^1].Detail);

        var at = T0.AddMinutes(1);
        var late = new List<Func<Task<Step>>>
        {
            () => SendAsync(b, Payment(b, "InstallmentPaid", "1000", confirmed: true), at), // (a late purchase is the one exception: see OrderInstallmentTests)
            () => SendAsync(b, Placed(b), at),
            () => SendAsync(b, GrainCluster.Marked(new DeliveryUpdated(b.OrderId, "cmd-1", "confirmed", null)), at),
            () => StepAsync(() => CallAsync(Cluster.Grains.GetGrain<IOrderGrain>(b.OrderId).TellRefusedAsync,
                new ReservationRefused(b.OrderId, b.ItemId, "the item was paid for by another order"), at)),
        };
        foreach (var send in late)
        {
            var step = await send();
            Assert.Empty(step.Published);
            Assert.Equal(OrderStatus.Cancelled, (await OrderAsync(b)).Status);
        }
        // The payment reminder was cancelled with the order: a wake-up is not even recorded.
        Assert.Empty((await TickAsync<IOrderGrain>(b.OrderId, OrderGrain.PaymentReminder, HoldEnd)).Published);

        var order = await OrderAsync(b);
        Assert.Equal(2 + late.Count, order.History.Count);
        Assert.Single(order.History, h => OrderStatus.IsTerminal(h.To) && h.From != h.To);
    }

    [Fact]
    public async Task A_hold_the_item_grants_after_the_order_gave_up_is_given_back_when_its_answer_arrives()
    {
        // The race of the old runtime (a timeout handled before the item's answer) cannot happen any more: the answer comes
        // back within the order's own call. The guard stays for an answer that reaches a cancelled order anyway, here a
        // retried reservation request that reached the item after the order's timeout.
        var b = await NewBuyerAsync();
        await SendAsync(b, Placed(b), T0);
        await TickAsync<IOrderGrain>(b.OrderId, OrderGrain.PaymentReminder, HoldEnd);
        var granted = await CallAsync(Cluster.Grains.GetGrain<INftItemGrain>(b.ItemId).ReserveAsync,
            new ReservationRequested(b.ItemId, b.OrderId, b.Wallet, HoldEnd.AddMinutes(15)), HoldEnd);
        var answer = Assert.IsType<ItemReserved>(Assert.Single(granted.Events).Payload);
        Assert.Equal(ItemStatus.Reserved, (await ItemAsync(b)).Status);

        var step = await SendAsync(b, answer, HoldEnd);

        var order = await OrderAsync(b);
        Assert.Equal((OrderStatus.Cancelled, "the order was already cancelled: the hold is released"), (order.Status, order.History[^1].Detail));
        Assert.Equal<IEvent>([new ReservationReleased(b.ItemId, b.OrderId, "the order was already cancelled")], step.On(TopicCatalog.ItemEvents));
        Assert.Empty(step.OrderUpdates());
        var item = await ItemAsync(b);
        Assert.Equal((ItemStatus.Available, (Reservation?)null), (item.Status, item.Reservation));
    }

    [Fact]
    public async Task Events_for_an_order_never_placed_are_recorded_without_effect()
    {
        var b = Buyer.New();
        var refused = await StepAsync(async () => Assert.Empty((await CallAsync(Cluster.Grains.GetGrain<IOrderGrain>(b.OrderId).TellRefusedAsync,
            new ReservationRefused(b.OrderId, b.ItemId, "the item was paid for by another order"), T0)).Events));
        Assert.Empty(refused.Published);
        Assert.Empty((await SendAsync(b, Payment(b, "Purchased", "1000", confirmed: true), T0)).Published);

        var order = await OrderAsync(b);
        Assert.Equal(OrderStatus.None, order.Status);
        Assert.Equal([(nameof(ReservationRefused), OrderStatus.None), ("PaymentObserved:Purchased", OrderStatus.None)],
            order.History.Select(h => (h.Event, h.To)));
        Assert.Null(await Cluster.StateAsync<NftItemState>(NftItemGrain.TypeName, b.ItemId));
    }

    [Fact]
    public async Task The_history_is_bounded()
    {
        var b = await NewBuyerAsync();
        await SendAsync(b, Placed(b), T0);
        for (var i = 0; i < OrderState.MaxHistory + 10; i++)
        {
            Cluster.Clock.Set(T0.AddSeconds(i));
            await Cluster.ApplyAsync<IOrderGrain>(b.OrderId, GrainCluster.Marked(new DeliveryUpdated(b.OrderId, $"cmd-{i}", "pending", null)), T0.AddSeconds(i));
        }
        var order = await OrderAsync(b);
        Assert.Equal(OrderState.MaxHistory, order.History.Count);
        Assert.Equal($"cmd-{OrderState.MaxHistory + 9}: pending", order.History[^1].Detail);
    }

    [Fact]
    public async Task A_sale_ends_the_items_hold_and_its_reminder_and_a_later_listing_keeps_the_buyer()
    {
        var b = await NewBuyerAsync();
        await SendAsync(b, Placed(b), T0);
        Assert.NotNull(await ReminderRowAsync<INftItemGrain>(b.ItemId, "reservation"));

        await SendAsync(b, Payment(b, "Purchased", "1000", confirmed: true), T0.AddMinutes(1));
        var item = await ItemAsync(b);
        Assert.Equal((ItemStatus.Minted, b.Wallet, (Reservation?)null), (item.Status, item.Owner, item.Reservation));
        Assert.Empty(await PendingRemindersAsync(NftItemGrain.TypeName, b.ItemId));
        Assert.Null(await ReminderRowAsync<INftItemGrain>(b.ItemId, "reservation"));

        await ListAsync(b, T0.AddMinutes(2)); // the catalog is listed again on a restart: the buyer is kept
        item = await ItemAsync(b);
        Assert.Equal((ItemStatus.Minted, b.Wallet), (item.Status, item.Owner));

        // A sale without a mint (the Checkout released a token it held) leaves the item sold, not minted.
        var other = Buyer.New();
        await CallAsync(Cluster.Grains.GetGrain<INftItemGrain>(other.ItemId).SellAsync, new ItemSold(other.ItemId, other.OrderId, other.Wallet, Minted: false), T0);
        Assert.Equal(ItemStatus.Sold, (await ItemAsync(other)).Status);
    }

    [Fact]
    public async Task The_player_session_keeps_each_order_once_and_pushes_every_change_of_status()
    {
        var b = Buyer.New();
        var player = Cluster.Grains.GetGrain<IPlayerSessionGrain>(b.Wallet);
        var placed = new OrderUpdated(b.Wallet, b.OrderId, b.ItemId, OrderStatus.Placed, null);
        var first = await StepAsync(() => CallAsync(player.UpdateOrderAsync, placed, T0));
        var redelivered = await StepAsync(() => CallAsync(player.UpdateOrderAsync, placed, T0));
        var second = await StepAsync(() => CallAsync(player.UpdateOrderAsync, placed with { Status = OrderStatus.Reserved }, T0.AddSeconds(1)));
        var third = await StepAsync(() => CallAsync(player.UpdateOrderAsync, new OrderUpdated(b.Wallet, "other", "dragons:2", OrderStatus.Placed, null), T0.AddSeconds(2)));

        var pushed = Assert.IsType<PlayerPushed>(Assert.Single(first.On(TopicCatalog.PlayerPushes)));
        Assert.Equal((b.Wallet, 1L, "OrderUpdated"), (pushed.PlayerId, pushed.Seq, pushed.Kind));
        Assert.Empty(redelivered.Published);
        var push = Assert.IsType<PlayerPushed>(Assert.Single(second.On(TopicCatalog.PlayerPushes)));
        Assert.Equal(2, push.Seq);
        Assert.Contains("\"status\":\"reserved\"", push.BodyJson);
        Assert.Equal(3, Assert.IsType<PlayerPushed>(Assert.Single(third.On(TopicCatalog.PlayerPushes))).Seq);

        var session = await PlayerAsync(b);
        Assert.Equal(["other", b.OrderId], session.Orders.Select(o => o.OrderId));
        Assert.Equal(OrderStatus.Reserved, session.Orders[1].Status);
        Assert.Equal(3, session.PushSeq);
        var journal = await Cluster.Store.ReadJournalAsync(PlayerSessionGrain.TypeName, b.Wallet, 0, CancellationToken.None);
        Assert.Equal([1L, 2L, 3L], journal.Select(j => j.Seq));
        Assert.All(journal, j => Assert.Equal("OrderUpdated", j.Kind));
    }

    [Fact]
    public async Task The_player_session_keeps_a_bounded_list_of_orders()
    {
        var b = Buyer.New();
        var player = Cluster.Grains.GetGrain<IPlayerSessionGrain>(b.Wallet);
        for (var i = 0; i < PlayerSessionGrain.MaxOrders + 5; i++)
            await CallAsync(player.UpdateOrderAsync, new OrderUpdated(b.Wallet, $"o{i}", b.ItemId, OrderStatus.Placed, null), T0.AddSeconds(i));
        var session = await PlayerAsync(b);
        Assert.Equal(PlayerSessionGrain.MaxOrders, session.Orders.Count);
        Assert.Equal($"o{PlayerSessionGrain.MaxOrders + 4}", session.Orders[0].OrderId);
    }

    [Fact]
    public async Task A_redelivered_OrderPlaced_changes_nothing_and_reserves_once()
    {
        var b = await NewBuyerAsync();
        var topic = $"order-events-{Guid.NewGuid():N}";
        const long offset = 7;
        var envelope = EventEnvelope.Create(b.OrderId, Placed(b), T0);
        Cluster.Clock.Set(T0);
        await Cluster.ApplyAtAsync<IOrderGrain>(b.OrderId, envelope, offset, topic);
        var order = await StoredJsonAsync(OrderGrain.TypeName, b.OrderId);
        var item = await Cluster.Store.LoadStateAsync(NftItemGrain.TypeName, b.ItemId, CancellationToken.None);
        Assert.Equal(OrderStatus.Reserved, (await OrderAsync(b)).Status);

        // Redelivered as such, again after the order was reloaded from the store, and once its batch is known complete.
        var redeliveries = new List<Func<Task>>
        {
            () => Cluster.ApplyAtAsync<IOrderGrain>(b.OrderId, envelope, offset, topic),
            async () =>
            {
                await Cluster.DeactivateAsync<IOrderGrain>(b.OrderId);
                await Cluster.ApplyAtAsync<IOrderGrain>(b.OrderId, envelope, offset, topic);
            },
            () => Cluster.ApplyAtAsync<IOrderGrain>(b.OrderId, envelope, offset, topic, floor: offset),
        };
        foreach (var redeliver in redeliveries)
        {
            Cluster.Clock.Set(T0.AddMinutes(1));
            var step = await StepAsync(redeliver);
            Assert.Empty(step.Published);
            Assert.Equal(order, await StoredJsonAsync(OrderGrain.TypeName, b.OrderId));
            Assert.Equal(item!.Version, (await Cluster.Store.LoadStateAsync(NftItemGrain.TypeName, b.ItemId, CancellationToken.None))!.Version);
        }
        Assert.Single((await OrderAsync(b)).History, h => h.Event == nameof(OrderPlaced));
        Assert.Equal(2, (await Cluster.Store.ReadJournalAsync(PlayerSessionGrain.TypeName, b.Wallet, 0, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task An_OrderPlaced_published_again_is_recorded_as_a_repeat_and_asks_for_no_second_hold()
    {
        var b = await NewBuyerAsync();
        await SendAsync(b, Placed(b), T0);
        var item = await Cluster.Store.LoadStateAsync(NftItemGrain.TypeName, b.ItemId, CancellationToken.None);

        var again = await SendAsync(b, Placed(b), T0.AddMinutes(1));
        var other = await SendAsync(b, Placed(b, key: "k2"), T0.AddMinutes(2));

        Assert.Empty(again.Published);
        Assert.Empty(other.Published);
        var order = await OrderAsync(b);
        Assert.Equal((OrderStatus.Reserved, "k1"), (order.Status, order.IdempotencyKey));
        Assert.Equal(["a repeat of the placed order", "the order was already placed with another idempotency key"],
            order.History.TakeLast(2).Select(h => h.Detail));
        Assert.Equal(item!.Version, (await Cluster.Store.LoadStateAsync(NftItemGrain.TypeName, b.ItemId, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task A_payment_log_published_twice_is_applied_once()
    {
        // The watcher delivers at least once: the same log at the same stage can come again at another offset (the old
        // runtime dropped it by its event id). It moves money in the ledger once and counts once in the plan.
        var b = await NewBuyerAsync();
        await SendAsync(b, Placed(b, installments: 4, price: "1003"), T0);
        var topic = $"order-events-{Guid.NewGuid():N}";
        var down = EventEnvelope.Create(b.OrderId, Payment(b, "Purchased", "253", confirmed: true), T0.AddMinutes(1));
        var installment = EventEnvelope.Create(b.OrderId,
            Payment(b, "InstallmentPaid", "250", confirmed: true, totalPaid: "503") with { TransactionHash = "0xtx2" }, T0.AddDays(7));
        Cluster.Clock.Set(T0.AddMinutes(1));
        await Cluster.ApplyAtAsync<IOrderGrain>(b.OrderId, down, 1, topic);
        var again = await StepAsync(() => Cluster.ApplyAtAsync<IOrderGrain>(b.OrderId, down, 2, topic));
        Cluster.Clock.Set(T0.AddDays(7));
        await Cluster.ApplyAtAsync<IOrderGrain>(b.OrderId, installment, 3, topic);
        var installmentAgain = await StepAsync(() => Cluster.ApplyAtAsync<IOrderGrain>(b.OrderId, installment, 4, topic));

        Assert.Empty(again.Published);
        Assert.Empty(installmentAgain.Published);
        var order = await OrderAsync(b);
        Assert.Equal((OrderStatus.PlanActive, "503", 2), (order.Status, order.TotalPaid, order.Plan!.PaymentsMade));
        Assert.Equal(2, order.Payments.Count);
        Assert.Equal([("payment.Purchased", "253"), ("payment.InstallmentPaid", "250")], (await LedgerAsync(b.OrderId)).Select(e => (e.Kind, e.Amount)));
    }

    // ------------------------------------------------------------ helpers

    private const string Zero = "0x0000000000000000000000000000000000000000";

    /// <summary>A buyer of its own: an order id (0x + 64 hex), a wallet (its player id) and an item.</summary>
    private sealed record Buyer(string OrderId, string Wallet, string ItemId)
    {
        public static Buyer New() =>
            new($"0x{Guid.NewGuid():N}{Guid.NewGuid():N}", $"0x{Guid.NewGuid():N}{Guid.NewGuid():N}"[..42], $"dragons:{Guid.NewGuid():N}");

        /// <summary>Another buyer of the same item.</summary>
        public Buyer Rival() => New() with { ItemId = ItemId };
    }

    /// <summary>What one step published (the outbox rows it committed), by topic.</summary>
    private sealed record Step(IReadOnlyList<(string Topic, IEvent Payload)> Published)
    {
        public IEnumerable<IEvent> On(TopicDefinition topic) => Published.Where(p => p.Topic == topic.Name).Select(p => p.Payload);

        /// <summary>The player's pushes of order changes (the order calls the player, which pushes).</summary>
        public IReadOnlyList<OrderUpdated> OrderUpdates() =>
            [.. On(TopicCatalog.PlayerPushes).Cast<PlayerPushed>().Where(p => p.Kind == "OrderUpdated")
                .Select(p => JsonSerializer.Deserialize(p.BodyJson, OrderUpdatedJson)!)];
    }

    private static readonly JsonTypeInfo<OrderUpdated> OrderUpdatedJson =
        (JsonTypeInfo<OrderUpdated>)EventJsonContext.Default.GetTypeInfo(typeof(OrderUpdated))!;

    private static ItemListed Listing(Buyer b) => new(b.ItemId, "dragons", b.ItemId[8..], "legendary", 1, 1, 2.5m, "ETH", null);

    private static OrderPlaced Placed(Buyer b, int installments = 1, string price = "1000", string key = "k1") =>
        new(b.OrderId, b.Wallet, b.Wallet, b.ItemId,
            new OrderQuote(Zero, "1", b.Wallet, Zero, price, installments, T0.AddMinutes(10).ToUnixTimeSeconds(), b.OrderId),
            "0xsig", installments > 1 ? "installments" : "eth", key);

    private static PaymentObserved Payment(Buyer b, string kind, string amount, bool confirmed, string? totalPaid = null) =>
        new(b.OrderId, kind, b.Wallet, amount, totalPaid ?? amount, null, "0xtx", 0, 100, "0xblock", confirmed, false);

    private async Task<Buyer> NewBuyerAsync()
    {
        var b = Buyer.New();
        await ListAsync(b, T0);
        return b;
    }

    private Task ListAsync(Buyer b, DateTimeOffset at)
    {
        Cluster.Clock.Set(at);
        return Cluster.ApplyAsync<INftItemGrain>(b.ItemId, Listing(b), at);
    }

    /// <summary>Hands <paramref name="payload"/> to the order as the ingress would, at <paramref name="at"/> on the platform's clock too.</summary>
    private Task<Step> SendAsync(Buyer b, IEvent payload, DateTimeOffset at) =>
        StepAsync(() =>
        {
            Cluster.Clock.Set(at);
            return Cluster.ApplyAsync<IOrderGrain>(b.OrderId, payload, at);
        });

    /// <summary>Fires a grain's reminder with the platform's clock at <paramref name="at"/>.</summary>
    private Task<Step> TickAsync<TGrain>(string key, string reminder, DateTimeOffset at) where TGrain : IGrainWithStringKey =>
        StepAsync(() =>
        {
            Cluster.Clock.Set(at);
            return Cluster.TickAsync<TGrain>(key, reminder);
        });

    /// <summary>Calls a grain as another grain would, at <paramref name="at"/> on the platform's clock.</summary>
    private async Task<Replies> CallAsync<T>(Func<T, Task<Replies>> call, T message, DateTimeOffset at)
    {
        Cluster.Clock.Set(at);
        return await call(message);
    }

    /// <summary>Runs <paramref name="action"/> and returns what it published (outbox rows committed meanwhile).</summary>
    private async Task<Step> StepAsync(Func<Task> action)
    {
        var mark = (await OutboxAsync()).Select(r => r.Id).DefaultIfEmpty(0).Max();
        await action();
        return new Step([.. (await OutboxAsync()).Where(r => r.Id > mark).SelectMany(r => r.Messages)
            .Select(m => (m.Topic, EnvelopeSerializer.Deserialize(m.Value).Payload))]);
    }

    private async Task<IReadOnlyList<Storage.OutboxRecord>> OutboxAsync()
    {
        await using var lease = await Cluster.Store.LeaseOutboxAsync(100_000, CancellationToken.None);
        return lease.Records;
    }

    private async Task<OrderState> OrderAsync(Buyer b) =>
        await Cluster.StateAsync<OrderState>(OrderGrain.TypeName, b.OrderId) ?? throw new InvalidOperationException($"order {b.OrderId} was never stored");

    private async Task<NftItemState> ItemAsync(Buyer b) =>
        await Cluster.StateAsync<NftItemState>(NftItemGrain.TypeName, b.ItemId) ?? throw new InvalidOperationException($"item {b.ItemId} was never stored");

    private async Task<PlayerSessionState> PlayerAsync(Buyer b) =>
        await Cluster.StateAsync<PlayerSessionState>(PlayerSessionGrain.TypeName, b.Wallet) ?? throw new InvalidOperationException($"player {b.Wallet} was never stored");

    private async Task<string> StoredJsonAsync(string grainType, string key) =>
        (await Cluster.Store.LoadStateAsync(grainType, key, CancellationToken.None))?.Json ?? throw new InvalidOperationException($"{grainType} {key} was never stored");

    /// <summary>The reminders' messages stored with a grain's state.</summary>
    private async Task<IReadOnlyDictionary<string, PendingReminder>> PendingRemindersAsync(string grainType, string key) =>
        RuntimeRecord((await Cluster.Store.LoadStateAsync(grainType, key, CancellationToken.None))?.Origins).Reminders;

    private static GrainRuntimeRecord RuntimeRecord(string? json) =>
        json is null
            ? new GrainRuntimeRecord(new Dictionary<string, OriginWindow>(), new Dictionary<string, PendingReminder>())
            : JsonSerializer.Deserialize(json, GrainJsonContext.Default.GrainRuntimeRecord)!;

    private static IEvent ReminderMessage(PendingReminder reminder) =>
        EnvelopeSerializer.Deserialize(Encoding.UTF8.GetBytes(reminder.EnvelopeJson)).Payload;

    /// <summary>The Orleans reminder registered in the silo's reminder table, if any.</summary>
    private Task<ReminderEntry?> ReminderRowAsync<TGrain>(string key, string name) where TGrain : IGrainWithStringKey =>
        Cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>().ReadRow(Cluster.Grains.GetGrain<TGrain>(key).GetGrainId(), name)!;

    /// <summary>The ledger entries about <paramref name="subjects"/>, in the ledger's order.</summary>
    private async Task<IReadOnlyList<LedgerEntry>> LedgerAsync(params string[] subjects) =>
        [.. (await Cluster.Store.ReadLedgerAsync(0, 100_000, CancellationToken.None))
            .Select(r => JsonSerializer.Deserialize(r.Write.Entry, LedgerJsonContext.Default.LedgerEntry)!)
            .Where(e => subjects.Contains(e.Subject))];
}
