using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Runtime;
using Commerce.Actors.Storage;
using Commerce.Events;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Orders;
using Commerce.Events.Player;
using Commerce.Events.Pushes;
using Commerce.Events.Topics;

namespace Commerce.Actors.Tests;

/// <summary>The order saga on one grain, message by message (docs/ORDERS.md).</summary>
public sealed class OrderGrainTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private const string OrderId = "0x1111111111111111111111111111111111111111111111111111111111111111";
    private const string Wallet = "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    [Fact]
    public async Task Placing_an_order_asks_the_item_for_a_hold_and_sets_the_payment_reminder_for_the_same_time()
    {
        var grain = NewGrain();
        var step = await Send(grain, Placed(), T0);

        var request = Assert.Single(step.On(TopicCatalog.ItemEvents).OfType<ReservationRequested>());
        Assert.Equal(new ReservationRequested("dragons:1", OrderId, Wallet, T0.AddMinutes(15)), request);
        var reminder = Assert.Single(step.Reminders);
        Assert.Equal((OrderGrain.PaymentReminder, T0.AddMinutes(15)), (reminder.Name, reminder.DueAt));
        Assert.Equal(new OrderTimedOut(OrderId, "payment"), EnvelopeSerializer.Deserialize(reminder.Envelope!).Payload);
        Assert.Equal(OrderStatus.Placed, Assert.Single(step.On(TopicCatalog.PlayerEvents).OfType<OrderUpdated>()).Status);
        Assert.Equal(OrderStatus.Placed, grain.State.Status);
        Assert.Equal("k1", grain.State.IdempotencyKey);
        Assert.False(grain.State.Terminal);
    }

    [Fact]
    public async Task The_reservation_time_comes_from_the_grain_definition()
    {
        var grain = (OrderGrain)OrderGrain.DefinitionFor(TimeSpan.FromMinutes(3)).Activate();
        ((IGrainActivation)grain).Activate(OrderId, null, 0);
        var step = await Send(grain, Placed(), T0);
        Assert.Equal(T0.AddMinutes(3), step.On(TopicCatalog.ItemEvents).OfType<ReservationRequested>().Single().ReservedUntil);
    }

    [Fact]
    public async Task A_reserved_order_paid_in_full_and_confirmed_completes_and_the_item_is_minted_to_the_wallet()
    {
        var grain = NewGrain();
        await Send(grain, Placed(), T0);
        var reserved = await Send(grain, new ItemReserved(OrderId, "dragons:1", Wallet, T0.AddMinutes(15)), T0.AddSeconds(1));
        Assert.Equal(OrderStatus.Reserved, grain.State.Status);
        Assert.Equal(OrderStatus.Reserved, reserved.On(TopicCatalog.PlayerEvents).OfType<OrderUpdated>().Single().Status);

        var paid = await Send(grain, Payment("Purchased", "1000", confirmed: true), T0.AddMinutes(2));
        Assert.Equal(OrderStatus.Completed, grain.State.Status);
        Assert.True(grain.State.Terminal);
        Assert.Equal("1000", grain.State.TotalPaid);
        Assert.Equal(new ItemSold("dragons:1", OrderId, Wallet, Minted: true), paid.On(TopicCatalog.ItemEvents).Single());
        Assert.Equal(new OrderUpdated(Wallet, OrderId, "dragons:1", OrderStatus.Completed, "paid 1000 in 0xtx"),
            paid.On(TopicCatalog.PlayerEvents).Single());
        Assert.Equal(OrderGrain.PaymentReminder, Assert.Single(paid.Reminders, r => r.DueAt is null).Name);
        Assert.Equal([OrderStatus.None, OrderStatus.Placed, OrderStatus.Reserved], grain.State.History.Select(h => h.From));
        Assert.Equal([OrderStatus.Placed, OrderStatus.Reserved, OrderStatus.Completed], grain.State.History.Select(h => h.To));
    }

    [Fact]
    public async Task A_refused_reservation_cancels_the_order_and_cancels_its_reminder()
    {
        var grain = NewGrain();
        await Send(grain, Placed(), T0);
        var step = await Send(grain, new ReservationRefused(OrderId, "dragons:1", "the item is reserved by another order"), T0.AddSeconds(1));
        Assert.Equal(OrderStatus.Cancelled, grain.State.Status);
        Assert.True(grain.State.Terminal);
        Assert.Equal("the item is reserved by another order", step.On(TopicCatalog.PlayerEvents).OfType<OrderUpdated>().Single().Detail);
        Assert.Empty(step.On(TopicCatalog.ItemEvents)); // nothing was held, nothing to release
        Assert.Contains(step.Reminders, r => r.Name == OrderGrain.PaymentReminder && r.DueAt is null);
    }

    [Fact]
    public async Task An_expired_reservation_cancels_an_unpaid_order()
    {
        var grain = NewGrain();
        await Send(grain, Placed(), T0);
        await Send(grain, new ItemReserved(OrderId, "dragons:1", Wallet, T0.AddMinutes(15)), T0);
        var step = await Send(grain, new ReservationExpired("dragons:1", OrderId), T0.AddMinutes(15));
        Assert.Equal(OrderStatus.Cancelled, grain.State.Status);
        Assert.Equal(OrderStatus.Cancelled, step.On(TopicCatalog.PlayerEvents).OfType<OrderUpdated>().Single().Status);
    }

    [Fact]
    public async Task The_payment_timeout_cancels_a_reserved_unpaid_order_and_releases_the_item()
    {
        var grain = NewGrain();
        await Send(grain, Placed(), T0);
        await Send(grain, new ItemReserved(OrderId, "dragons:1", Wallet, T0.AddMinutes(15)), T0);
        var step = await Send(grain, new OrderTimedOut(OrderId, "payment"), T0.AddMinutes(15));
        Assert.Equal(OrderStatus.Cancelled, grain.State.Status);
        Assert.Equal(new ReservationReleased("dragons:1", OrderId, "the payment was not seen in time"), step.On(TopicCatalog.ItemEvents).Single());
        Assert.Equal(OrderStatus.Cancelled, step.On(TopicCatalog.PlayerEvents).OfType<OrderUpdated>().Single().Status);
    }

    [Fact]
    public async Task The_payment_timeout_of_a_completed_order_changes_nothing()
    {
        var grain = NewGrain();
        await Send(grain, Placed(), T0);
        await Send(grain, Payment("Purchased", "1000", confirmed: true), T0.AddMinutes(1));
        var step = await Send(grain, new OrderTimedOut(OrderId, "payment"), T0.AddMinutes(15));
        Assert.Equal(OrderStatus.Completed, grain.State.Status);
        Assert.Empty(step.Emitted);
        Assert.Equal(OrderStatus.Completed, grain.State.History[^1].From);
        Assert.Equal(nameof(OrderTimedOut), grain.State.History[^1].Event);
    }

    [Fact]
    public async Task Unconfirmed_reorged_and_mismatched_payments_are_recorded_and_change_nothing()
    {
        var grain = NewGrain();
        await Send(grain, Placed(), T0);
        await Send(grain, new ItemReserved(OrderId, "dragons:1", Wallet, T0.AddMinutes(15)), T0);
        var attempts = new[]
        {
            Payment("Purchased", "1000", confirmed: false),
            Payment("Purchased", "1000", confirmed: true) with { Reorged = true },
            Payment("Purchased", "999", confirmed: true),
            Payment("Purchased", "1000", confirmed: true) with { Buyer = "0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" },
            Payment("PlanCompleted", "1000", confirmed: true),
        };
        foreach (var attempt in attempts)
        {
            var step = await Send(grain, attempt, T0.AddMinutes(1));
            Assert.Empty(step.Emitted);
            Assert.Equal(OrderStatus.Reserved, grain.State.Status);
        }
        Assert.Equal(attempts.Length, grain.State.Payments.Count);
        Assert.Equal("0", grain.State.TotalPaid);
        Assert.All(grain.State.History.TakeLast(attempts.Length), h => Assert.Equal(h.From, h.To));
    }

    [Fact]
    public async Task A_buyer_address_in_another_case_is_the_same_wallet()
    {
        var grain = NewGrain();
        await Send(grain, Placed(), T0);
        await Send(grain, Payment("Purchased", "1000", confirmed: true) with { Buyer = Wallet.ToUpperInvariant().Replace("0X", "0x") }, T0.AddMinutes(1));
        Assert.Equal(OrderStatus.Completed, grain.State.Status);
    }

    [Fact]
    public async Task An_installment_plan_is_active_after_the_down_payment_and_completes_with_the_sale()
    {
        var grain = NewGrain();
        await Send(grain, Placed(installments: 4, price: "1003"), T0);
        await Send(grain, new ItemReserved(OrderId, "dragons:1", Wallet, T0.AddMinutes(15)), T0);

        // Down payment: 1003 - 3 * (1003 / 4) = 1003 - 750 = 253.
        Assert.Empty((await Send(grain, Payment("Purchased", "250", confirmed: true), T0.AddMinutes(1))).Emitted);
        var down = await Send(grain, Payment("Purchased", "253", confirmed: true, totalPaid: "253"), T0.AddMinutes(1));
        Assert.Equal(OrderStatus.PlanActive, grain.State.Status);
        Assert.IsType<ItemPaidFor>(Assert.Single(down.On(TopicCatalog.ItemEvents))); // held for the plan, not yet sold
        Assert.Equal(OrderStatus.PlanActive, down.On(TopicCatalog.PlayerEvents).OfType<OrderUpdated>().Single().Status);

        var installment = await Send(grain, Payment("InstallmentPaid", "250", confirmed: true, totalPaid: "503"), T0.AddDays(7));
        Assert.Empty(installment.Emitted);
        Assert.Equal("503", grain.State.TotalPaid);

        // As the Checkout watcher reports it: no amount on PlanCompleted.
        var done = await Send(grain, Payment("PlanCompleted", "0", confirmed: true, totalPaid: "0"), T0.AddDays(21));
        Assert.Equal(OrderStatus.Completed, grain.State.Status);
        Assert.Equal("1003", grain.State.TotalPaid);
        Assert.Equal(new ItemSold("dragons:1", OrderId, Wallet, Minted: true), done.On(TopicCatalog.ItemEvents).Single());
    }

    [Fact]
    public async Task A_defaulted_plan_ends_defaulted_and_gives_the_item_back_for_sale()
    {
        var grain = NewGrain();
        await Send(grain, Placed(installments: 2, price: "1000"), T0);
        await Send(grain, Payment("Purchased", "500", confirmed: true, totalPaid: "500"), T0.AddMinutes(1));
        var step = await Send(grain, Payment("PlanDefaulted", "450", confirmed: true, totalPaid: "0"), T0.AddDays(8));
        Assert.Equal(OrderStatus.Defaulted, grain.State.Status);
        Assert.Equal("500", grain.State.TotalPaid); // the refund is recorded among the payments, not as a payment
        Assert.True(grain.State.Terminal);
        Assert.Equal(OrderId, Assert.IsType<ReservationReleased>(Assert.Single(step.On(TopicCatalog.ItemEvents))).OrderId);
        Assert.Equal(OrderStatus.Defaulted, step.On(TopicCatalog.PlayerEvents).OfType<OrderUpdated>().Single().Status);
    }

    [Fact]
    public async Task After_the_terminal_state_every_event_is_recorded_and_nothing_changes()
    {
        var grain = NewGrain();
        await Send(grain, Placed(), T0);
        await Send(grain, new ReservationRefused(OrderId, "dragons:1", "the item is sold"), T0);
        var late = new IEvent[]
        {
            Payment("InstallmentPaid", "1000", confirmed: true), // (a late purchase is the one exception: see OrderInstallmentTests)
            new ReservationExpired("dragons:1", OrderId),
            new OrderTimedOut(OrderId, "payment"),
            Placed(),
            new DeliveryUpdated(OrderId, "cmd-1", "confirmed", null),
        };
        foreach (var e in late)
        {
            var step = await Send(grain, e, T0.AddMinutes(1));
            Assert.Empty(step.Emitted);
            Assert.Equal(OrderStatus.Cancelled, grain.State.Status);
        }
        Assert.Equal(2 + late.Length, grain.State.History.Count);
        Assert.Single(grain.State.History, h => OrderStatus.IsTerminal(h.To) && h.From != h.To);
    }

    [Fact]
    public async Task A_hold_that_arrives_after_the_order_was_cancelled_is_given_back()
    {
        var grain = NewGrain();
        await Send(grain, Placed(), T0);
        await Send(grain, new OrderTimedOut(OrderId, "payment"), T0.AddMinutes(15));
        var step = await Send(grain, new ItemReserved(OrderId, "dragons:1", Wallet, T0.AddMinutes(15)), T0.AddMinutes(15));
        Assert.Equal(OrderStatus.Cancelled, grain.State.Status);
        Assert.Equal(new ReservationReleased("dragons:1", OrderId, "the order was already cancelled"), step.On(TopicCatalog.ItemEvents).Single());
    }

    [Fact]
    public async Task Events_for_an_order_never_placed_are_recorded_without_effect()
    {
        var grain = NewGrain();
        var step = await Send(grain, new ItemReserved(OrderId, "dragons:1", Wallet, T0.AddMinutes(15)), T0);
        Assert.Empty(step.Emitted);
        Assert.Equal(OrderStatus.None, grain.State.Status);
        Assert.Empty((await Send(grain, Payment("Purchased", "1000", confirmed: true), T0)).Emitted);
        Assert.Equal(2, grain.State.History.Count);
    }

    [Fact]
    public async Task The_history_is_bounded()
    {
        var grain = NewGrain();
        await Send(grain, Placed(), T0);
        for (var i = 0; i < OrderState.MaxHistory + 10; i++)
            await Send(grain, new DeliveryUpdated(OrderId, $"cmd-{i}", "pending", null), T0.AddSeconds(i));
        Assert.Equal(OrderState.MaxHistory, grain.State.History.Count);
        Assert.Equal($"cmd-{OrderState.MaxHistory + 9}: pending", grain.State.History[^1].Detail);
    }

    [Fact]
    public async Task The_item_grain_records_a_sale_ends_the_hold_and_cancels_its_reminder()
    {
        var item = new NftItemGrain();
        ((IGrainActivation)item).Activate("dragons:1", null, 0);
        ((IGrainActivation)item).Restore(item.State with { Listed = true, Collection = "dragons", TokenId = "1", Supply = 1, Edition = 1 });
        await SendTo(item, NftItemGrain.Definition, new ReservationRequested("dragons:1", OrderId, Wallet, T0.AddMinutes(15)), T0);

        var minted = await SendTo(item, NftItemGrain.Definition, new ItemSold("dragons:1", OrderId, Wallet, Minted: true), T0.AddMinutes(1));
        Assert.Equal(ItemStatus.Minted, item.State.Status);
        Assert.Equal(Wallet, item.State.Owner);
        Assert.Null(item.State.Reservation);
        Assert.Contains(minted.Reminders, r => r.Name == "reservation" && r.DueAt is null);

        await SendTo(item, NftItemGrain.Definition, new ItemListed("dragons:1", "dragons", "1", "legendary", 1, 1, 2.5m, "ETH", null), T0.AddMinutes(2));
        Assert.Equal(Wallet, item.State.Owner); // the catalog listed again on a restart does not forget the buyer
        Assert.Equal(ItemStatus.Minted, item.State.Status);

        var sold = new NftItemGrain();
        ((IGrainActivation)sold).Activate("dragons:2", null, 0);
        await SendTo(sold, NftItemGrain.Definition, new ItemSold("dragons:2", "o2", Wallet, Minted: false), T0);
        Assert.Equal(ItemStatus.Sold, sold.State.Status);
    }

    [Fact]
    public async Task The_player_session_keeps_each_order_once_and_pushes_every_change_of_status()
    {
        var session = new PlayerSessionGrain();
        ((IGrainActivation)session).Activate(Wallet, null, 0);
        var placed = new OrderUpdated(Wallet, OrderId, "dragons:1", OrderStatus.Placed, null);
        var reserved = placed with { Status = OrderStatus.Reserved };
        var first = await SendTo(session, PlayerSessionGrain.Definition, placed, T0);
        var redelivered = await SendTo(session, PlayerSessionGrain.Definition, placed, T0);
        var second = await SendTo(session, PlayerSessionGrain.Definition, reserved, T0.AddSeconds(1));
        var third = await SendTo(session, PlayerSessionGrain.Definition, new OrderUpdated(Wallet, "other", "dragons:2", OrderStatus.Placed, null), T0.AddSeconds(2));

        Assert.Equal("OrderUpdated", Assert.IsType<PlayerPushed>(first.Emitted.Single().Payload).Kind);
        Assert.Empty(redelivered.Emitted);
        var push = Assert.IsType<PlayerPushed>(second.Emitted.Single().Payload);
        Assert.Contains("\"status\":\"reserved\"", push.BodyJson);
        Assert.Equal(["other", OrderId], session.State.Orders.Select(o => o.OrderId));
        Assert.Equal(OrderStatus.Reserved, session.State.Orders[1].Status);
        Assert.Equal(3, session.State.PushSeq);
        Assert.Equal([1L, 2L, 3L], new[] { first, redelivered, second, third }.SelectMany(s => s.Journal).Select(j => j.Seq));
    }

    [Fact]
    public async Task The_player_session_keeps_a_bounded_list_of_orders()
    {
        var session = new PlayerSessionGrain();
        ((IGrainActivation)session).Activate(Wallet, null, 0);
        for (var i = 0; i < PlayerSessionGrain.MaxOrders + 5; i++)
            await SendTo(session, PlayerSessionGrain.Definition, new OrderUpdated(Wallet, $"o{i}", "dragons:1", OrderStatus.Placed, null), T0.AddSeconds(i));
        Assert.Equal(PlayerSessionGrain.MaxOrders, session.State.Orders.Count);
        Assert.Equal($"o{PlayerSessionGrain.MaxOrders + 4}", session.State.Orders[0].OrderId);
    }

    internal static OrderPlaced Placed(int installments = 1, string price = "1000", string key = "k1") =>
        new(OrderId, Wallet, Wallet, "dragons:1",
            new OrderQuote("0x0000000000000000000000000000000000000000", "1", Wallet, "0x0000000000000000000000000000000000000000", price, installments, T0.AddMinutes(10).ToUnixTimeSeconds(), OrderId),
            "0xsig", installments > 1 ? "installments" : "eth", key);

    private static PaymentObserved Payment(string kind, string amount, bool confirmed, string? totalPaid = null) =>
        new(OrderId, kind, Wallet, amount, totalPaid ?? amount, null, "0xtx", 0, 100, "0xblock", confirmed, false);

    private static OrderGrain NewGrain()
    {
        var grain = (OrderGrain)OrderGrain.Definition.Activate();
        ((IGrainActivation)grain).Activate(OrderId, null, 0);
        return grain;
    }

    private static Task<Step> Send(OrderGrain grain, IEvent payload, DateTimeOffset at) => SendTo(grain, OrderGrain.Definition, payload, at);

    private static async Task<Step> SendTo(IGrainActivation grain, GrainDefinition definition, IEvent payload, DateTimeOffset at)
    {
        var key = payload switch
        {
            OrderUpdated u => u.PlayerId,
            ItemSold s => s.ItemId,
            ItemListed l => l.ItemId,
            ReservationRequested r => r.ItemId,
            _ => OrderId,
        };
        var envelope = EventEnvelope.Create(key, payload, at);
        var context = new GrainContext(key, at, envelope, definition);
        await grain.ReceiveAsync(context, envelope);
        return new Step(
            [.. context.Emitted.Select(e => (e.Topic, EnvelopeSerializer.Deserialize(e.Value).Payload))],
            context.Reminders,
            context.Journal);
    }

    private sealed record Step(IReadOnlyList<(string Topic, IEvent Payload)> Emitted, IReadOnlyList<ReminderWrite> Reminders, IReadOnlyList<JournalEntry> Journal)
    {
        public IEnumerable<IEvent> On(TopicDefinition topic) => Emitted.Where(e => e.Topic == topic.Name).Select(e => e.Payload);
    }
}
