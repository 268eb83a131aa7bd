using Commerce.Actors.Orders;
using Commerce.Actors.Runtime;
using Commerce.Actors.Storage;
using Commerce.Chain.Contracts;
using Commerce.Chain.Hex;
using Commerce.Events;
using Commerce.Events.Chain;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Orders;
using Commerce.Events.Player;
using Commerce.Events.Topics;
using Microsoft.Extensions.Configuration;

namespace Commerce.Actors.Tests;

/// <summary>Installment reminders, declareDefault, late payments and pending payments on one order grain (docs/ORDERS.md).</summary>
public sealed class OrderInstallmentTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private const string OrderId = "0x2222222222222222222222222222222222222222222222222222222222222222";
    private const string Wallet = "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string Checkout = "0xcccccccccccccccccccccccccccccccccccccccc";
    private static readonly long Deadline1 = T0.AddSeconds(100).ToUnixTimeSeconds();

    [Fact]
    public void The_call_data_selectors_are_those_of_the_checkout_abi()
    {
        Assert.Equal(OrderGrain.DeclareDefaultSelector, HexString.Encode(CheckoutAbi.DeclareDefault.Selector));
        Assert.Equal(HexString.Encode(CheckoutAbi.DeclareDefault.EncodeCall(HexString.Decode(OrderId, "id"))),
            OrderGrain.PurchaseIdCall(OrderGrain.DeclareDefaultSelector, OrderId));
    }

    [Fact]
    public async Task The_down_payment_sets_a_reminder_a_quarter_interval_before_the_deadline_and_a_default_check_after_it()
    {
        var grain = NewGrain(new OrderOptions { CheckoutAddress = Checkout });
        await Send(grain, Placed(), T0);
        var down = await Send(grain, Purchased(), T0);

        Assert.Equal(OrderStatus.PlanActive, grain.State.Status);
        Assert.Equal(new InstallmentPlan(4, 1, Deadline1, 100, 0, null), grain.State.Plan);
        var remind = Assert.Single(down.Reminders, r => r.Name == OrderGrain.InstallmentReminder);
        Assert.Equal(T0.AddSeconds(75), remind.DueAt);
        Assert.Equal(new OrderTimedOut(OrderId, "installment-reminder:1"), EnvelopeSerializer.Deserialize(remind.Envelope!).Payload);
        var check = Assert.Single(down.Reminders, r => r.Name == OrderGrain.InstallmentDefault);
        Assert.Equal(T0.AddSeconds(100 + 1 + 2), check.DueAt);
        Assert.Equal(new OrderTimedOut(OrderId, "installment-default:1:1"), EnvelopeSerializer.Deserialize(check.Envelope!).Payload);
    }

    [Fact]
    public async Task A_configured_lead_is_used_and_a_reminder_already_due_fires_at_once()
    {
        var grain = NewGrain(new OrderOptions { InstallmentReminderLead = TimeSpan.FromSeconds(10) });
        await Send(grain, Placed(), T0);
        var down = await Send(grain, Purchased(), T0);
        Assert.Equal(T0.AddSeconds(90), down.Reminders.Single(r => r.Name == OrderGrain.InstallmentReminder).DueAt);

        var late = NewGrain(new OrderOptions { InstallmentReminderLead = TimeSpan.FromSeconds(500) });
        await Send(late, Placed(), T0);
        Assert.Equal(T0, (await Send(late, Purchased(), T0)).Reminders.Single(r => r.Name == OrderGrain.InstallmentReminder).DueAt);
    }

    [Fact]
    public async Task The_reminder_pushes_plan_active_with_which_installment_the_amount_and_the_deadline()
    {
        var grain = NewGrain(new OrderOptions());
        await Send(grain, Placed(), T0);
        await Send(grain, Purchased(), T0);
        var step = await Send(grain, new OrderTimedOut(OrderId, "installment-reminder:1"), T0.AddSeconds(75));

        var update = Assert.IsType<OrderUpdated>(Assert.Single(step.On(TopicCatalog.PlayerEvents)));
        Assert.Equal(OrderStatus.PlanActive, update.Status);
        Assert.Equal($"installment due: installment 1 of 3, 250 wei (ETH), by {DateTimeOffset.FromUnixTimeSeconds(Deadline1):O} (unix {Deadline1})", update.Detail);
        Assert.Equal(OrderStatus.PlanActive, grain.State.Status);
    }

    [Fact]
    public async Task A_paid_installment_moves_the_reminders_to_the_next_deadline_and_a_stale_reminder_pushes_nothing()
    {
        var grain = NewGrain(new OrderOptions { CheckoutAddress = Checkout });
        await Send(grain, Placed(), T0);
        await Send(grain, Purchased(), T0);
        var paid = await Send(grain, Payment("InstallmentPaid", "250", "503", Deadline1 + 100), T0.AddSeconds(90));

        Assert.Equal(new InstallmentPlan(4, 2, Deadline1 + 100, 100, 0, null), grain.State.Plan);
        Assert.Equal(T0.AddSeconds(175), paid.Reminders.Single(r => r.Name == OrderGrain.InstallmentReminder).DueAt);
        Assert.Equal(new OrderTimedOut(OrderId, "installment-default:2:1"),
            EnvelopeSerializer.Deserialize(paid.Reminders.Single(r => r.Name == OrderGrain.InstallmentDefault).Envelope!).Payload);

        // The old deadline's timers, delivered anyway (at least once), change nothing.
        Assert.Empty((await Send(grain, new OrderTimedOut(OrderId, "installment-reminder:1"), T0.AddSeconds(91))).Emitted);
        Assert.Empty((await Send(grain, new OrderTimedOut(OrderId, "installment-default:1:1"), T0.AddSeconds(103))).Emitted);

        var reminded = await Send(grain, new OrderTimedOut(OrderId, "installment-reminder:2"), T0.AddSeconds(175));
        Assert.StartsWith("installment due: installment 2 of 3", Assert.IsType<OrderUpdated>(reminded.On(TopicCatalog.PlayerEvents).Single()).Detail);
    }

    [Fact]
    public async Task A_missed_deadline_asks_the_executor_for_declareDefault_once_under_a_deterministic_id()
    {
        var grain = NewGrain(new OrderOptions { CheckoutAddress = Checkout });
        await Send(grain, Placed(), T0);
        await Send(grain, Purchased(), T0);
        var step = await Send(grain, new OrderTimedOut(OrderId, "installment-default:1:1"), T0.AddSeconds(103));

        var command = Assert.IsType<ChainCommandRequested>(Assert.Single(step.Emitted).Payload);
        Assert.Equal(TopicCatalog.ChainCommands.Name, step.Emitted[0].Topic);
        Assert.Equal(new ChainCommandRequested($"order:{OrderId}:default", "declare-default", Checkout, "0",
            OrderGrain.DeclareDefaultSelector + OrderId[2..], 0, null), command);
        Assert.Equal(OrderStatus.PlanActive, grain.State.Status);
        var retry = Assert.Single(step.Reminders, r => r.Name == OrderGrain.InstallmentDefault);
        Assert.Equal((T0.AddSeconds(133), new OrderTimedOut(OrderId, "installment-default:1:2")),
            (retry.DueAt, EnvelopeSerializer.Deserialize(retry.Envelope!).Payload));

        // The default is confirmed on chain before the retry: the plan ends defaulted and the retry does nothing.
        var defaulted = await Send(grain, Payment("PlanDefaulted", "225", "0", null), T0.AddSeconds(106));
        Assert.Equal(OrderStatus.Defaulted, grain.State.Status);
        Assert.Contains(defaulted.Reminders, r => r.Name == OrderGrain.InstallmentDefault && r.DueAt is null);
        Assert.Empty((await Send(grain, new OrderTimedOut(OrderId, "installment-default:1:2"), T0.AddSeconds(133))).Emitted);
    }

    [Fact]
    public async Task A_default_the_plan_survives_is_asked_again_under_a_new_id_up_to_the_limit()
    {
        var grain = NewGrain(new OrderOptions { CheckoutAddress = Checkout, MaxDefaultAttempts = 2 });
        await Send(grain, Placed(), T0);
        await Send(grain, Purchased(), T0);
        await Send(grain, new OrderTimedOut(OrderId, "installment-default:1:1"), T0.AddSeconds(103));
        var second = await Send(grain, new OrderTimedOut(OrderId, "installment-default:1:2"), T0.AddSeconds(133));
        Assert.Equal($"order:{OrderId}:default:2", Assert.IsType<ChainCommandRequested>(second.Emitted.Single().Payload).CommandId);
        var third = await Send(grain, new OrderTimedOut(OrderId, "installment-default:1:3"), T0.AddSeconds(163));
        Assert.Empty(third.Emitted);
        Assert.Contains("left to an operator", grain.State.History[^1].Detail);
    }

    [Fact]
    public async Task An_installment_seen_but_not_yet_confirmed_postpones_the_default()
    {
        var grain = NewGrain(new OrderOptions { CheckoutAddress = Checkout });
        await Send(grain, Placed(), T0);
        await Send(grain, Purchased(), T0);
        await Send(grain, Payment("InstallmentPaid", "250", "503", Deadline1 + 100, confirmed: false), T0.AddSeconds(100));
        var step = await Send(grain, new OrderTimedOut(OrderId, "installment-default:1:1"), T0.AddSeconds(103));
        Assert.Empty(step.Emitted);
        Assert.Equal(T0.AddSeconds(118), step.Reminders.Single(r => r.Name == OrderGrain.InstallmentDefault).DueAt);

        await Send(grain, Payment("InstallmentPaid", "250", "503", Deadline1 + 100), T0.AddSeconds(104));
        Assert.Empty((await Send(grain, new OrderTimedOut(OrderId, "installment-default:1:1"), T0.AddSeconds(118))).Emitted);
        Assert.Equal(2, grain.State.Plan!.PaymentsMade);
    }

    [Fact]
    public async Task Without_a_checkout_the_missed_deadline_is_recorded_and_nothing_is_sent()
    {
        var grain = NewGrain(new OrderOptions());
        await Send(grain, Placed(), T0);
        await Send(grain, Purchased(), T0);
        var step = await Send(grain, new OrderTimedOut(OrderId, "installment-default:1:1"), T0.AddSeconds(103));
        Assert.Empty(step.Emitted);
        Assert.Contains("Orders:CheckoutAddress", grain.State.History[^1].Detail);
    }

    [Fact]
    public async Task The_last_installment_and_the_completed_plan_end_the_reminders()
    {
        var grain = NewGrain(new OrderOptions());
        await Send(grain, Placed(installments: 2, price: "1000"), T0);
        await Send(grain, Payment("Purchased", "500", "500", Deadline1), T0);
        var last = await Send(grain, Payment("InstallmentPaid", "500", "1000", null), T0.AddSeconds(50));
        Assert.All(last.Reminders.Where(r => r.Name.StartsWith("installment", StringComparison.Ordinal)), r => Assert.Null(r.DueAt));
        var done = await Send(grain, Payment("PlanCompleted", "0", "0", null), T0.AddSeconds(50));
        Assert.Equal(OrderStatus.Completed, grain.State.Status);
        Assert.Contains(done.On(TopicCatalog.ItemEvents), e => e is ItemSold);
    }

    [Fact]
    public async Task The_down_payment_puts_the_item_in_escrow_and_a_default_gives_it_back_for_sale()
    {
        var grain = NewGrain(new OrderOptions { CheckoutAddress = Checkout });
        await Send(grain, Placed(), T0);
        await Send(grain, new ItemReserved(OrderId, "dragons:1", "player-1", T0.AddMinutes(15)), T0);
        var started = await Send(grain, Purchased(), T0.AddMinutes(1));
        Assert.Equal(new ItemPaidFor("dragons:1", OrderId, grain.State.PlayerId!, Wallet), Assert.Single(started.On(TopicCatalog.ItemEvents)));

        // The hold's end, long after, changes nothing while the plan runs.
        Assert.Empty((await Send(grain, new ReservationExpired("dragons:1", OrderId), T0.AddMinutes(16))).Emitted);
        Assert.Equal(OrderStatus.PlanActive, grain.State.Status);

        var defaulted = await Send(grain, Payment("PlanDefaulted", "228", "253", null), T0.AddSeconds(110));
        Assert.Equal(OrderStatus.Defaulted, grain.State.Status);
        var released = Assert.IsType<ReservationReleased>(Assert.Single(defaulted.On(TopicCatalog.ItemEvents)));
        Assert.Equal(("dragons:1", OrderId), (released.ItemId, released.OrderId));
    }

    [Fact]
    public async Task A_reserved_order_whose_item_the_chain_sold_to_another_is_cancelled_unless_its_own_purchase_is_confirming()
    {
        var grain = NewGrain(new OrderOptions());
        await Send(grain, Placed(installments: 1, price: "1000"), T0);
        await Send(grain, new ItemReserved(OrderId, "dragons:1", Wallet, T0.AddMinutes(15)), T0);
        var lost = await Send(grain, new ReservationRefused(OrderId, "dragons:1", "the item was paid for by another order"), T0.AddMinutes(1));
        Assert.Equal(OrderStatus.Cancelled, grain.State.Status);
        Assert.Empty(lost.On(TopicCatalog.ItemEvents)); // the item is the other order's: nothing to release
        Assert.Equal(OrderStatus.Cancelled, Assert.IsType<OrderUpdated>(Assert.Single(lost.On(TopicCatalog.PlayerEvents))).Status);

        var confirming = NewGrain(new OrderOptions());
        await Send(confirming, Placed(installments: 1, price: "1000"), T0);
        await Send(confirming, new ItemReserved(OrderId, "dragons:1", Wallet, T0.AddMinutes(15)), T0);
        await Send(confirming, Payment("Purchased", "1000", "1000", null, confirmed: false), T0.AddMinutes(1));
        await Send(confirming, new ReservationRefused(OrderId, "dragons:1", "the item was paid for by another order"), T0.AddMinutes(1));
        Assert.Equal(OrderStatus.Reserved, confirming.State.Status);
    }

    [Fact]
    public async Task A_purchase_confirmed_after_the_order_was_cancelled_completes_it_the_chain_sold_the_item()
    {
        var grain = NewGrain(new OrderOptions { CheckoutAddress = Checkout });
        await Send(grain, Placed(installments: 1, price: "1000"), T0);
        await Send(grain, new ItemReserved(OrderId, "dragons:1", Wallet, T0.AddMinutes(15)), T0);
        await Send(grain, new OrderTimedOut(OrderId, "payment"), T0.AddMinutes(15));
        Assert.Equal(OrderStatus.Cancelled, grain.State.Status);

        var late = await Send(grain, Payment("Purchased", "1000", "1000", null), T0.AddMinutes(16));
        Assert.Equal(OrderStatus.Completed, grain.State.Status);
        Assert.True(grain.State.Terminal);
        Assert.Empty(late.On(TopicCatalog.ChainCommands)); // no refund: the buyer would keep the item and the money
        var sold = Assert.IsType<ItemSold>(late.On(TopicCatalog.ItemEvents).Single());
        Assert.Equal(Wallet, sold.Owner);
        Assert.Equal(OrderStatus.Completed, Assert.IsType<OrderUpdated>(late.On(TopicCatalog.PlayerEvents).Single()).Status);
        Assert.Contains(grain.State.History, h => h.From == OrderStatus.Cancelled && h.To == OrderStatus.Placed && h.Detail!.Contains("the sale stands", StringComparison.Ordinal));

        // A redelivery of the purchase changes nothing.
        Assert.Empty((await Send(grain, Payment("Purchased", "1000", "1000", null), T0.AddMinutes(16))).Emitted);
        Assert.Equal(OrderStatus.Completed, grain.State.Status);
    }

    [Fact]
    public async Task A_purchase_by_another_wallet_after_the_order_was_cancelled_changes_nothing()
    {
        var grain = NewGrain(new OrderOptions { CheckoutAddress = Checkout });
        await Send(grain, Placed(installments: 1, price: "1000"), T0);
        await Send(grain, new ReservationRefused(OrderId, "dragons:1", "the item is reserved by another order"), T0);
        var stray = await Send(grain, Payment("Purchased", "1000", "1000", null) with { Buyer = "0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" }, T0.AddMinutes(1));
        Assert.Empty(stray.Emitted);
        Assert.Equal(OrderStatus.Cancelled, grain.State.Status);
    }

    [Fact]
    public async Task A_failed_declare_default_is_recorded_and_asked_again_by_the_next_check()
    {
        var plan = NewGrain(new OrderOptions { CheckoutAddress = Checkout });
        await Send(plan, Placed(), T0);
        await Send(plan, Purchased(), T0);
        await Send(plan, new OrderTimedOut(OrderId, "installment-default:1:1"), T0.AddSeconds(103));
        var defaultFailed = await Send(plan, new DeliveryUpdated(OrderId, $"order:{OrderId}:default", "failed", "reverted"), T0.AddSeconds(104));
        Assert.Empty(defaultFailed.Emitted);
        Assert.Contains("the next default check asks again", plan.State.History[^1].Detail);
        Assert.Equal(OrderStatus.PlanActive, plan.State.Status);
    }

    [Fact]
    public async Task A_plan_bought_after_the_order_was_cancelled_becomes_active_with_its_reminders()
    {
        var grain = NewGrain(new OrderOptions { CheckoutAddress = Checkout });
        await Send(grain, Placed(), T0);
        await Send(grain, new ReservationRefused(OrderId, "dragons:1", "the item is reserved by another order"), T0);
        var late = await Send(grain, Purchased(), T0.AddMinutes(1));
        Assert.Equal(OrderStatus.PlanActive, grain.State.Status);
        Assert.False(grain.State.Terminal);
        Assert.Contains(late.Reminders, r => r.Name.StartsWith(OrderGrain.InstallmentReminder, StringComparison.Ordinal) && r.DueAt is not null);
    }

    [Fact]
    public async Task Neither_the_timeout_nor_the_end_of_the_hold_cancel_while_a_purchase_is_confirming()
    {
        var grain = NewGrain(new OrderOptions());
        await Send(grain, Placed(installments: 1, price: "1000"), T0);
        await Send(grain, new ItemReserved(OrderId, "dragons:1", Wallet, T0.AddMinutes(15)), T0);
        await Send(grain, Payment("Purchased", "1000", "1000", null, confirmed: false), T0.AddMinutes(14));

        var timeout = await Send(grain, new OrderTimedOut(OrderId, "payment"), T0.AddMinutes(15));
        Assert.Empty(timeout.Emitted);
        Assert.Equal((OrderGrain.PaymentReminder, (DateTimeOffset?)T0.AddMinutes(15).AddSeconds(15)), (timeout.Reminders.Single().Name, timeout.Reminders.Single().DueAt));
        Assert.Empty((await Send(grain, new ReservationExpired("dragons:1", OrderId), T0.AddMinutes(15))).Emitted);
        Assert.Equal(OrderStatus.Reserved, grain.State.Status);

        await Send(grain, Payment("Purchased", "1000", "1000", null), T0.AddMinutes(15).AddSeconds(2));
        Assert.Equal(OrderStatus.Completed, grain.State.Status);
    }

    [Fact]
    public async Task A_purchase_reported_reorged_no_longer_holds_off_the_timeout()
    {
        var grain = NewGrain(new OrderOptions());
        await Send(grain, Placed(installments: 1, price: "1000"), T0);
        await Send(grain, Payment("Purchased", "1000", "1000", null, confirmed: false), T0.AddMinutes(14));
        await Send(grain, Payment("Purchased", "1000", "1000", null, confirmed: false) with { Reorged = true }, T0.AddMinutes(14));
        var timeout = await Send(grain, new OrderTimedOut(OrderId, "payment"), T0.AddMinutes(15));
        Assert.Equal(OrderStatus.Cancelled, grain.State.Status);
        Assert.Single(timeout.On(TopicCatalog.ItemEvents).OfType<ReservationReleased>());
    }

    [Fact]
    public void The_options_bind_from_the_orders_section_and_a_bad_checkout_address_is_named()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orders:CheckoutAddress"] = Checkout,
            ["Orders:InstallmentReminderLead"] = "00:00:04",
            ["Orders:DefaultGrace"] = "00:00:01",
        }).Build();
        var options = configuration.GetSection(OrderOptions.Section).Get<OrderOptions>()!;
        Assert.Equal((Checkout, (TimeSpan?)TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)),
            (options.CheckoutAddress, options.InstallmentReminderLead, options.DefaultGrace, options.DefaultRetry));

        var errors = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        var bad = new OrderOptions { CheckoutAddress = "0x12" };
        Assert.False(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(bad, new(bad), errors, validateAllProperties: true));
        Assert.Contains("Orders:CheckoutAddress", Assert.Single(errors).ErrorMessage);
    }

    [Fact]
    public void The_grain_definition_refuses_a_reservation_time_that_is_not_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderGrain.DefinitionFor(new OrderOptions { ReservationMinutes = 0 }));

    private static OrderPlaced Placed(int installments = 4, string price = "1003") =>
        OrderGrainTests.Placed(installments, price) with { OrderId = OrderId, Quote = OrderGrainTests.Placed(installments, price).Quote with { Nonce = OrderId } };

    /// <summary>The down payment of 1003 in 4: 1003 - 3 * 250 = 253, next deadline 100 s after the block.</summary>
    private static PaymentObserved Purchased() => Payment("Purchased", "253", "253", Deadline1);

    private static PaymentObserved Payment(string kind, string amount, string totalPaid, long? nextDeadline, bool confirmed = true) =>
        new(OrderId, kind, Wallet, amount, totalPaid, nextDeadline, "0xtx" + kind.ToLowerInvariant(), 0, 100, "0xblock", confirmed, false);

    private static OrderGrain NewGrain(OrderOptions options)
    {
        var grain = (OrderGrain)OrderGrain.DefinitionFor(options).Activate();
        ((IGrainActivation)grain).Activate(OrderId, null, 0);
        return grain;
    }

    private static async Task<Step> Send(OrderGrain grain, IEvent payload, DateTimeOffset at)
    {
        var definition = OrderGrain.Definition;
        var envelope = EventEnvelope.Create(OrderId, payload, at);
        var context = new GrainContext(OrderId, at, envelope, definition);
        await ((IGrainActivation)grain).ReceiveAsync(context, envelope);
        return new Step([.. context.Emitted.Select(e => (e.Topic, EnvelopeSerializer.Deserialize(e.Value).Payload))], context.Reminders);
    }

    private sealed record Step(IReadOnlyList<(string Topic, IEvent Payload)> Emitted, IReadOnlyList<ReminderWrite> Reminders)
    {
        public IEnumerable<IEvent> On(TopicDefinition topic) => Emitted.Where(e => e.Topic == topic.Name).Select(e => e.Payload);
    }
}
