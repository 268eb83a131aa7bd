using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Reminders;
using Commerce.Actors.Runtime;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;
using Commerce.Actors.Tests.Harness;
using Commerce.Chain.Contracts;
using Commerce.Chain.Hex;
using Commerce.Events;
using Commerce.Events.Chain;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Orders;
using Commerce.Events.Topics;
using Commerce.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;
using Commerce.Chain.Abi;
using Commerce.Chain.Contracts.Messages;
using Nethereum.Contracts;

namespace Commerce.Actors.Tests;

/// <summary>
/// Installment reminders, declareDefault, late payments and pending payments (docs/ORDERS.md) in Orleans' test cluster:
/// the order calls its item (reserve, release, paid-for, sell) and its player, its reminders are fired on the platform's
/// clock, and the Checkout watcher's payments arrive from the ingress. Each test has an order, a wallet (also the
/// player) and an item of its own.
/// </summary>
public sealed partial class OrderInstallmentTests(CheckoutClustersFixture fixture) : IClassFixture<CheckoutClustersFixture>
{
    private static readonly DateTimeOffset T0 = GrainClusterFixture.T0;
    private static readonly long Deadline1 = T0.AddSeconds(100).ToUnixTimeSeconds();
    private const string Checkout = CheckoutClustersFixture.Checkout;

    private readonly string _orderId = NewOrderId();
    private readonly string _wallet = NewWallet();
    private readonly string _itemId = $"dragons:{Guid.NewGuid():N}";
    private GrainCluster _cluster = fixture.WithCheckout;

    [Fact]
    public void The_call_data_selectors_are_those_of_the_checkout_abi()
    {
        Assert.Equal(OrderGrain.DeclareDefaultSelector, "0x" + TypedFunction<CheckoutFunctions.DeclareDefault>.Abi.Sha3Signature);
        Assert.Equal(HexString.Encode(new CheckoutFunctions.DeclareDefault { PurchaseId = HexString.Decode(_orderId, "id") }.GetCallData()),
            OrderGrain.PurchaseIdCall(OrderGrain.DeclareDefaultSelector, _orderId));
    }

    [Fact]
    public async Task The_down_payment_sets_a_reminder_a_quarter_interval_before_the_deadline_and_a_default_check_after_it()
    {
        await PlaceAsync();
        await ApplyAsync(Purchased(), T0);

        var order = await OrderAsync();
        Assert.Equal(OrderStatus.PlanActive, order.Status);
        Assert.Equal(new InstallmentPlan(4, 1, Deadline1, 100, 0, null), order.Plan);
        var reminders = await RemindersAsync();
        Assert.Equal((T0.AddSeconds(75), (IEvent)new OrderTimedOut(_orderId, "installment-reminder:1")), reminders[OrderGrain.InstallmentReminder]);
        Assert.Equal((T0.AddSeconds(100 + 1 + 2), (IEvent)new OrderTimedOut(_orderId, "installment-default:1:1")), reminders[OrderGrain.InstallmentDefault]);
        Assert.DoesNotContain(OrderGrain.PaymentReminder, reminders.Keys);
    }

    [Fact]
    public async Task A_configured_lead_is_used()
    {
        _cluster = fixture.WithoutCheckout;
        await PlaceAsync();
        await ApplyAsync(Purchased(), T0);
        Assert.Equal(T0.AddSeconds(100) - CheckoutClustersFixture.ReminderLead, (await RemindersAsync())[OrderGrain.InstallmentReminder].DueAt);
    }

    [Fact]
    public async Task An_installment_reminder_already_due_fires_at_once()
    {
        // On the system's clock (Orleans' reminders follow the test cluster's manual one): a down payment reported ten
        // minutes late, its first deadline already past, so its reminder is due at once. Orleans counts a due time from
        // before its table write and skips a first tick already past, so a reminder asked for "now" would fire a minute late.
        using var database = new TempDatabase();
        await using var store = new SqliteGrainStore(database.ConnectionString, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddSingleton<IGrainStore>(store);
            silo.Services.AddSingleton<OutboxSignal>();
            silo.Services.AddSingleton(Options.Create(new OrderOptions()));
            silo.UseCommerceReminders("sqlite");
            silo.UseCommerceGrains();
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        var now = DateTimeOffset.UtcNow;
        await ApplyOnAsync<INftItemGrain>(cluster, _itemId, 1, new ItemListed(_itemId, "dragons", "1", "legendary", 1, 1, 2.5m, "ETH", null), now);
        await ApplyOnAsync<IOrderGrain>(cluster, _orderId, 1, Placed(), now);
        var paidAt = now.AddMinutes(-10);
        var deadline = paidAt.AddSeconds(100).ToUnixTimeSeconds();
        await ApplyOnAsync<IOrderGrain>(cluster, _orderId, 2, Payment("Purchased", "253", "253", deadline), paidAt);

        var expected = $"installment due: installment 1 of 3, 250 wei (ETH), by {DateTimeOffset.FromUnixTimeSeconds(deadline):O} (unix {deadline})";
        await Eventually.Until(async () => await store.LoadStateAsync(PlayerSessionGrain.TypeName, _wallet, CancellationToken.None) is { } stored
                && JsonSerializer.Deserialize(stored.Json, GrainJsonContext.Default.PlayerSessionState)!.Orders.Any(o => o.Detail == expected),
            TimeSpan.FromSeconds(20), () => $"player {_wallet} told '{expected}' within seconds (a reminder due at once fires at once, not a period later)");
    }

    [Fact]
    public async Task The_reminder_pushes_plan_active_with_which_installment_the_amount_and_the_deadline()
    {
        await PlaceAsync();
        await ApplyAsync(Purchased(), T0);
        await TickAsync(OrderGrain.InstallmentReminder, T0.AddSeconds(75));

        var update = (await _cluster.OrderPushesOfAsync(_wallet))[^1];
        Assert.Equal(OrderStatus.PlanActive, update.Status);
        Assert.Equal($"installment due: installment 1 of 3, 250 wei (ETH), by {DateTimeOffset.FromUnixTimeSeconds(Deadline1):O} (unix {Deadline1})", update.Detail);
        var summary = Assert.Single((await PlayerAsync()).Orders);
        Assert.Equal((OrderStatus.PlanActive, update.Detail), (summary.Status, summary.Detail));
        Assert.Equal(OrderStatus.PlanActive, (await OrderAsync()).Status);
    }

    [Fact]
    public async Task A_paid_installment_moves_the_reminders_to_the_next_deadline_and_the_old_deadline_fires_nothing()
    {
        await PlaceAsync();
        await ApplyAsync(Purchased(), T0);
        await ApplyAsync(Payment("InstallmentPaid", "250", "503", Deadline1 + 100), T0.AddSeconds(90));

        Assert.Equal(new InstallmentPlan(4, 2, Deadline1 + 100, 100, 0, null), (await OrderAsync()).Plan);
        var reminders = await RemindersAsync();
        Assert.Equal((T0.AddSeconds(175), (IEvent)new OrderTimedOut(_orderId, "installment-reminder:2")), reminders[OrderGrain.InstallmentReminder]);
        Assert.Equal(new OrderTimedOut(_orderId, "installment-default:2:1"), reminders[OrderGrain.InstallmentDefault].Message);

        // Woken at the old deadline's times (Orleans' reminders fire at least once), the order does nothing.
        var pushes = (await _cluster.OrderPushesOfAsync(_wallet)).Count;
        await TickAsync(OrderGrain.InstallmentReminder, T0.AddSeconds(91));
        await TickAsync(OrderGrain.InstallmentDefault, T0.AddSeconds(103));
        Assert.Equal(pushes, (await _cluster.OrderPushesOfAsync(_wallet)).Count);
        Assert.Empty(await DefaultCommandsAsync());

        await TickAsync(OrderGrain.InstallmentReminder, T0.AddSeconds(175));
        Assert.StartsWith("installment due: installment 2 of 3", (await _cluster.OrderPushesOfAsync(_wallet))[^1].Detail);
    }

    [Fact]
    public async Task A_missed_deadline_asks_the_executor_for_declareDefault_once_under_a_deterministic_id()
    {
        await PlaceAsync();
        await ApplyAsync(Purchased(), T0);
        await TickAsync(OrderGrain.InstallmentDefault, T0.AddSeconds(103));

        Assert.Equal(ChainCommandMac.Sign(new ChainCommandRequested($"order:{_orderId}:default", "declare-default", Checkout, "0",
            OrderGrain.DeclareDefaultSelector + _orderId[2..], 0, null), ChainCommandKinds.OrdersRequester, GrainCluster.OrdersCommandKey),
            Assert.Single(await DefaultCommandsAsync()));
        Assert.Equal(OrderStatus.PlanActive, (await OrderAsync()).Status);
        Assert.Equal((T0.AddSeconds(133), (IEvent)new OrderTimedOut(_orderId, "installment-default:1:2")), (await RemindersAsync())[OrderGrain.InstallmentDefault]);

        // The default is confirmed on chain before the retry: the plan ends defaulted and the retry's time asks nothing.
        await ApplyAsync(Payment("PlanDefaulted", "225", "0", null), T0.AddSeconds(106));
        Assert.Equal(OrderStatus.Defaulted, (await OrderAsync()).Status);
        Assert.DoesNotContain((await RemindersAsync()).Keys, k => k.StartsWith("installment", StringComparison.Ordinal));
        await TickAsync(OrderGrain.InstallmentDefault, T0.AddSeconds(133));
        Assert.Single(await DefaultCommandsAsync());
    }

    [Fact]
    public async Task A_default_the_plan_survives_is_asked_again_under_a_new_id_up_to_the_limit()
    {
        await PlaceAsync();
        await ApplyAsync(Purchased(), T0);
        await TickAsync(OrderGrain.InstallmentDefault, T0.AddSeconds(103));
        await TickAsync(OrderGrain.InstallmentDefault, T0.AddSeconds(133));
        Assert.Equal<string>([$"order:{_orderId}:default", $"order:{_orderId}:default:2"], (await DefaultCommandsAsync()).Select(c => c.CommandId));

        await TickAsync(OrderGrain.InstallmentDefault, T0.AddSeconds(163));
        Assert.Equal(2, (await DefaultCommandsAsync()).Count);
        var order = await OrderAsync();
        Assert.Contains("left to an operator", order.History[^1].Detail);
        Assert.Equal((2, $"order:{_orderId}:default:2"), (order.Plan!.DefaultAttempts, order.Plan.DefaultCommandId));
        Assert.DoesNotContain(OrderGrain.InstallmentDefault, (await RemindersAsync()).Keys);
    }

    [Fact]
    public async Task An_installment_seen_but_not_yet_confirmed_postpones_the_default()
    {
        await PlaceAsync();
        await ApplyAsync(Purchased(), T0);
        await ApplyAsync(Payment("InstallmentPaid", "250", "503", Deadline1 + 100, confirmed: false), T0.AddSeconds(100));
        await TickAsync(OrderGrain.InstallmentDefault, T0.AddSeconds(103));
        Assert.Empty(await DefaultCommandsAsync());
        Assert.Equal((T0.AddSeconds(118), (IEvent)new OrderTimedOut(_orderId, "installment-default:1:1")), (await RemindersAsync())[OrderGrain.InstallmentDefault]);

        await ApplyAsync(Payment("InstallmentPaid", "250", "503", Deadline1 + 100), T0.AddSeconds(104));
        await TickAsync(OrderGrain.InstallmentDefault, T0.AddSeconds(118));
        Assert.Empty(await DefaultCommandsAsync());
        Assert.Equal(2, (await OrderAsync()).Plan!.PaymentsMade);
        Assert.Equal(new OrderTimedOut(_orderId, "installment-default:2:1"), (await RemindersAsync())[OrderGrain.InstallmentDefault].Message);
    }

    [Fact]
    public async Task Without_a_checkout_the_missed_deadline_is_recorded_and_nothing_is_sent()
    {
        _cluster = fixture.WithoutCheckout;
        await PlaceAsync();
        await ApplyAsync(Purchased(), T0);
        await TickAsync(OrderGrain.InstallmentDefault, T0.AddSeconds(103));
        Assert.Empty(await _cluster.OutboxOfAsync(TopicCatalog.ChainCommands, k => k.Contains(_orderId, StringComparison.Ordinal)));
        Assert.Contains("Orders:CheckoutAddress", (await OrderAsync()).History[^1].Detail);
    }

    [Fact]
    public async Task The_last_installment_and_the_completed_plan_end_the_reminders_and_sell_the_item()
    {
        await PlaceAsync(installments: 2, price: "1000");
        await ApplyAsync(Payment("Purchased", "500", "500", Deadline1), T0);
        await ApplyAsync(Payment("InstallmentPaid", "500", "1000", null), T0.AddSeconds(50));
        Assert.Empty(await RemindersAsync());

        await ApplyAsync(Payment("PlanCompleted", "0", "0", null), T0.AddSeconds(50));
        var order = await OrderAsync();
        Assert.Equal((OrderStatus.Completed, "1000"), (order.Status, order.TotalPaid));
        var item = await ItemAsync();
        Assert.Equal((ItemStatus.Minted, _wallet), (item.Status, item.Owner));
        Assert.Equal<IEvent>([new ItemPaidFor(_itemId, _orderId, _wallet, _wallet), new ItemSold(_itemId, _orderId, _wallet, Minted: true)], await ItemEventsAsync());
    }

    [Fact]
    public async Task The_down_payment_puts_the_item_in_escrow_and_a_default_gives_it_back_for_sale()
    {
        await PlaceAsync();
        await ApplyAsync(Purchased(), T0.AddMinutes(1));
        var item = await ItemAsync();
        Assert.Equal((ItemStatus.Settling, _orderId), (item.Status, item.Reservation!.OrderId));
        Assert.Equal<IEvent>([new ItemPaidFor(_itemId, _orderId, _wallet, _wallet)], await ItemEventsAsync());

        // The hold's end, long after, changes nothing while the plan runs: neither the item's reminder nor the order's.
        await TickItemAsync(T0.AddMinutes(16));
        await TickAsync(OrderGrain.PaymentReminder, T0.AddMinutes(16));
        Assert.Equal(ItemStatus.Settling, (await ItemAsync()).Status);
        Assert.Equal(OrderStatus.PlanActive, (await OrderAsync()).Status);

        await ApplyAsync(Payment("PlanDefaulted", "228", "253", null), T0.AddMinutes(17));
        Assert.Equal(OrderStatus.Defaulted, (await OrderAsync()).Status);
        item = await ItemAsync();
        Assert.Equal((ItemStatus.Available, (Reservation?)null), (item.Status, item.Reservation));
        Assert.Equal(new ReservationReleased(_itemId, _orderId, "the plan defaulted: the Checkout reclaimed the item"), (await ItemEventsAsync())[^1]);
        Assert.Equal<string>(["payment.Purchased", "payment.PlanDefaulted"], (await _cluster.LedgerOfAsync(OrderGrain.TypeName, _orderId)).Select(e => e.Kind));

        // For sale again: another order gets it.
        var next = Placed(1, "1000", NewOrderId(), NewWallet());
        await ApplyAsync(next, T0.AddMinutes(18));
        Assert.Equal(OrderStatus.Reserved, (await OrderAsync(next.OrderId)).Status);
    }

    [Fact]
    public async Task A_reserved_order_whose_item_another_order_bought_on_chain_is_cancelled_without_releasing_the_item()
    {
        await PlaceAsync(installments: 1, price: "1000");

        // Another buyer's order was refused the item, but its purchase went through on chain: the sale stands and this
        // order, which held the item, is told (through the other order) that it lost it.
        var (other, otherWallet) = (NewOrderId(), NewWallet());
        await ApplyAsync(Placed(1, "1000", other, otherWallet), T0.AddSeconds(30));
        Assert.Equal(OrderStatus.Cancelled, (await OrderAsync(other)).Status);
        await ApplyAsync(Payment("Purchased", "1000", "1000", null) with { OrderId = other, Buyer = otherWallet }, T0.AddMinutes(1));

        Assert.Equal(OrderStatus.Completed, (await OrderAsync(other)).Status);
        var order = await OrderAsync();
        Assert.Equal((OrderStatus.Cancelled, "the item was paid for by another order"), (order.Status, order.History[^1].Detail));
        Assert.Equal<IEvent>([new ItemSold(_itemId, other, otherWallet, Minted: true)], await ItemEventsAsync()); // nothing released
        var item = await ItemAsync();
        Assert.Equal((ItemStatus.Minted, otherWallet), (item.Status, item.Owner));
        Assert.Equal(OrderStatus.Cancelled, (await _cluster.OrderPushesOfAsync(_wallet))[^1].Status);
    }

    [Fact]
    public async Task A_reserved_order_whose_item_another_order_bought_on_chain_waits_while_its_own_purchase_is_confirming()
    {
        await PlaceAsync(installments: 1, price: "1000");
        await ApplyAsync(Payment("Purchased", "1000", "1000", null, confirmed: false), T0.AddMinutes(1));

        var (other, otherWallet) = (NewOrderId(), NewWallet());
        await ApplyAsync(Placed(1, "1000", other, otherWallet), T0.AddMinutes(1));
        await ApplyAsync(Payment("Purchased", "1000", "1000", null) with { OrderId = other, Buyer = otherWallet }, T0.AddMinutes(2));

        Assert.Equal(OrderStatus.Completed, (await OrderAsync(other)).Status);
        var order = await OrderAsync();
        Assert.Equal(OrderStatus.Reserved, order.Status);
        Assert.Contains(order.History, h => h.Event == nameof(ReservationRefused) && h.Detail == "a payment was seen and is not yet confirmed: the order waits for it");
    }

    [Fact]
    public async Task A_purchase_confirmed_after_the_order_was_cancelled_completes_it_the_chain_sold_the_item()
    {
        await PlaceAsync(installments: 1, price: "1000");
        await TickAsync(OrderGrain.PaymentReminder, T0.AddMinutes(15));
        Assert.Equal(OrderStatus.Cancelled, (await OrderAsync()).Status);
        Assert.Equal<IEvent>([new ReservationReleased(_itemId, _orderId, "the payment was not seen in time")], await ItemEventsAsync());

        var purchase = Payment("Purchased", "1000", "1000", null);
        var offset = await ApplyAsync(purchase, T0.AddMinutes(16));
        var order = await OrderAsync();
        Assert.Equal((OrderStatus.Completed, true), (order.Status, order.Terminal));
        Assert.Contains(order.History, h => h.From == OrderStatus.Cancelled && h.To == OrderStatus.Placed && h.Detail!.Contains("the sale stands", StringComparison.Ordinal));
        // No refund: the buyer would keep the item and the money.
        Assert.Empty(await _cluster.OutboxOfAsync(TopicCatalog.ChainCommands, k => k.Contains(_orderId, StringComparison.Ordinal)));
        var item = await ItemAsync();
        Assert.Equal((ItemStatus.Minted, _wallet), (item.Status, item.Owner));
        Assert.Equal(new ItemSold(_itemId, _orderId, _wallet, Minted: true), (await ItemEventsAsync())[^1]);
        Assert.Equal(OrderStatus.Completed, (await _cluster.OrderPushesOfAsync(_wallet))[^1].Status);

        // The purchase redelivered, or reported again in another record, changes nothing.
        var itemEvents = (await ItemEventsAsync()).Count;
        var history = (await OrderAsync()).History.Count;
        _cluster.Clock.Set(T0.AddMinutes(16));
        await _cluster.ApplyAtAsync<IOrderGrain>(_orderId, EventEnvelope.Create(_orderId, purchase, T0.AddMinutes(16)), offset);
        Assert.Equal(history, (await OrderAsync()).History.Count);
        await ApplyAsync(purchase, T0.AddMinutes(16));
        Assert.Equal(OrderStatus.Completed, (await OrderAsync()).Status);
        Assert.Equal(itemEvents, (await ItemEventsAsync()).Count);
    }

    [Fact]
    public async Task A_purchase_by_another_wallet_after_the_order_was_cancelled_changes_nothing()
    {
        await ListAsync();
        var holder = $"other-{Guid.NewGuid():N}";
        await ReserveForAsync(holder);
        await ApplyAsync(Placed(1, "1000"), T0);
        var order = await OrderAsync();
        Assert.Equal((OrderStatus.Cancelled, "the item is reserved by another order"), (order.Status, order.History[^1].Detail));

        await ApplyAsync(Payment("Purchased", "1000", "1000", null) with { Buyer = NewWallet() }, T0.AddMinutes(1));
        Assert.Equal(OrderStatus.Cancelled, (await OrderAsync()).Status);
        Assert.Empty(await ItemEventsAsync());
        var item = await ItemAsync();
        Assert.Equal((ItemStatus.Reserved, holder), (item.Status, item.Reservation!.OrderId));
    }

    [Fact]
    public async Task A_failed_declare_default_is_recorded_and_asked_again_by_the_next_check()
    {
        await PlaceAsync();
        await ApplyAsync(Purchased(), T0);
        await TickAsync(OrderGrain.InstallmentDefault, T0.AddSeconds(103));
        await ApplyAsync(GrainCluster.Marked(new DeliveryUpdated(_orderId, $"order:{_orderId}:default", ChainTransactionUpdated.Failed, "reverted") { Reason = "reverted" }), T0.AddSeconds(104));
        Assert.Single(await DefaultCommandsAsync());
        var order = await OrderAsync();
        Assert.Contains("the next default check asks again", order.History[^1].Detail);
        Assert.Equal(OrderStatus.PlanActive, order.Status);

        await TickAsync(OrderGrain.InstallmentDefault, T0.AddSeconds(133));
        Assert.Equal($"order:{_orderId}:default:2", (await DefaultCommandsAsync())[^1].CommandId);
    }

    [Fact]
    public async Task A_plan_bought_after_the_order_was_cancelled_becomes_active_with_its_reminders()
    {
        await ListAsync();
        await ReserveForAsync($"other-{Guid.NewGuid():N}");
        await ApplyAsync(Placed(), T0);
        Assert.Equal(OrderStatus.Cancelled, (await OrderAsync()).Status);

        await ApplyAsync(Purchased(), T0.AddMinutes(1));
        var order = await OrderAsync();
        Assert.Equal((OrderStatus.PlanActive, false), (order.Status, order.Terminal));
        Assert.Contains(OrderGrain.InstallmentReminder, (await RemindersAsync()).Keys);
        var item = await ItemAsync();
        Assert.Equal((ItemStatus.Settling, _orderId), (item.Status, item.Reservation!.OrderId));   // in the Checkout's escrow for this buyer
    }

    [Fact]
    public async Task Neither_the_timeout_nor_the_end_of_the_hold_cancel_while_a_purchase_is_confirming()
    {
        await PlaceAsync(installments: 1, price: "1000");
        await ApplyAsync(Payment("Purchased", "1000", "1000", null, confirmed: false), T0.AddMinutes(14));

        await TickAsync(OrderGrain.PaymentReminder, T0.AddMinutes(15));
        Assert.Equal((T0.AddMinutes(15).AddSeconds(15), (IEvent)new OrderTimedOut(_orderId, OrderGrain.PaymentReminder)),
            (await RemindersAsync())[OrderGrain.PaymentReminder]);
        Assert.Empty(await ItemEventsAsync());
        // The item's own hold runs out at the same time; the order is not told and keeps waiting.
        await TickItemAsync(T0.AddMinutes(15));
        Assert.Equal(ItemStatus.Available, (await ItemAsync()).Status);
        Assert.Equal(OrderStatus.Reserved, (await OrderAsync()).Status);

        await ApplyAsync(Payment("Purchased", "1000", "1000", null), T0.AddMinutes(15).AddSeconds(2));
        Assert.Equal(OrderStatus.Completed, (await OrderAsync()).Status);
        var item = await ItemAsync();
        Assert.Equal((ItemStatus.Minted, _wallet), (item.Status, item.Owner));
        Assert.Empty(await RemindersAsync());
    }

    [Fact]
    public async Task A_purchase_reported_reorged_no_longer_holds_off_the_timeout()
    {
        await PlaceAsync(installments: 1, price: "1000");
        await ApplyAsync(Payment("Purchased", "1000", "1000", null, confirmed: false), T0.AddMinutes(14));
        await ApplyAsync(Payment("Purchased", "1000", "1000", null, confirmed: false) with { Reorged = true }, T0.AddMinutes(14));
        await TickAsync(OrderGrain.PaymentReminder, T0.AddMinutes(15));
        Assert.Equal(OrderStatus.Cancelled, (await OrderAsync()).Status);
        Assert.Equal<IEvent>([new ReservationReleased(_itemId, _orderId, "the payment was not seen in time")], await ItemEventsAsync());
        Assert.Equal(ItemStatus.Available, (await ItemAsync()).Status);
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

        Assert.Contains("Orders:CheckoutAddress", Assert.Single(Validate(new OrderOptions { CheckoutAddress = "0x12" })).ErrorMessage);
    }

    [Fact]
    public void A_reservation_time_that_is_not_positive_is_refused_naming_the_field() =>
        Assert.Equal(nameof(OrderOptions.ReservationMinutes), Assert.Single(Assert.Single(Validate(new OrderOptions { ReservationMinutes = 0 })).MemberNames));

    private static List<ValidationResult> Validate(OrderOptions options)
    {
        var errors = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true);
        return errors;
    }

    private static Task ApplyOnAsync<TGrain>(InProcessTestCluster cluster, string key, long offset, IEvent payload, DateTimeOffset at)
        where TGrain : IIngressGrain =>
        cluster.Client.GetGrain<TGrain>(key).ApplyAsync(new IngressBatch("test-input", 0, "epoch-1", offset - 1, [new IngressRecord(offset, EventEnvelope.Create(key, payload, at))]));

    private static string NewOrderId() => "0x" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");

    private static string NewWallet() => "0x" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")[..8];

    /// <summary>An order of the item for <paramref name="installments"/> (its wallet is its player).</summary>
    private OrderPlaced Placed(int installments = 4, string price = "1003", string? orderId = null, string? wallet = null)
    {
        var (id, buyer) = (orderId ?? _orderId, wallet ?? _wallet);
        return new(id, buyer, buyer, _itemId,
            new OrderQuote("0x0000000000000000000000000000000000000000", "1", buyer, "0x0000000000000000000000000000000000000000", price, installments,
                T0.AddMinutes(10).ToUnixTimeSeconds(), id),
            "0xsig", installments > 1 ? "installments" : "eth", "k1");
    }

    /// <summary>The item listed and the order placed at T0: reserved.</summary>
    private async Task PlaceAsync(int installments = 4, string price = "1003")
    {
        await ListAsync();
        await ApplyAsync(Placed(installments, price), T0);
        Assert.Equal(OrderStatus.Reserved, (await OrderAsync()).Status);
    }

    /// <summary>The down payment of 1003 in 4: 1003 - 3 * 250 = 253, next deadline 100 s after the block.</summary>
    private PaymentObserved Purchased() => Payment("Purchased", "253", "253", Deadline1);

    /// <summary>
    /// A Checkout log of this order; its transaction is named after the kind and the total paid, so two different
    /// payments are two transactions (as on a chain) and the same one delivered again is the same log.
    /// </summary>
    private PaymentObserved Payment(string kind, string amount, string totalPaid, long? nextDeadline, bool confirmed = true) =>
        new(_orderId, kind, _wallet, amount, totalPaid, nextDeadline, $"0xtx{kind.ToLowerInvariant()}-{totalPaid}", 0, 100, "0xblock", confirmed, false);

    private async Task ListAsync()
    {
        _cluster.Clock.Set(T0);
        await _cluster.ApplyAsync<INftItemGrain>(_itemId, new ItemListed(_itemId, "dragons", "1", "legendary", 1, 1, 2.5m, "ETH", null), T0);
    }

    /// <summary>Another order holds the item (until T0 + 15 min).</summary>
    private async Task ReserveForAsync(string orderId)
    {
        _cluster.Clock.Set(T0);
        var answer = await _cluster.Grains.GetGrain<INftItemGrain>(_itemId).ReserveAsync(new ReservationRequested(_itemId, orderId, "0xholder", T0.AddMinutes(15)));
        Assert.IsType<ItemReserved>(Assert.Single(answer.Events).Payload);
    }

    /// <summary>A record of commerce.order-events (keyed by its order), as the ingress hands it, at <paramref name="at"/> on the platform's clock.</summary>
    private Task<long> ApplyAsync(IEvent payload, DateTimeOffset at)
    {
        var orderId = payload switch
        {
            OrderPlaced p => p.OrderId,
            PaymentObserved p => p.OrderId,
            DeliveryUpdated d => d.OrderId,
            _ => throw new ArgumentException($"commerce.order-events carries no {payload.GetType().Name}", nameof(payload)),
        };
        _cluster.Clock.Set(at);
        return _cluster.ApplyAsync<IOrderGrain>(orderId, payload, at);
    }

    private Task TickAsync(string reminder, DateTimeOffset at)
    {
        _cluster.Clock.Set(at);
        return _cluster.TickAsync<IOrderGrain>(_orderId, reminder);
    }

    private Task TickItemAsync(DateTimeOffset at)
    {
        _cluster.Clock.Set(at);
        return _cluster.TickAsync<INftItemGrain>(_itemId, "reservation");
    }

    private async Task<OrderState> OrderAsync(string? orderId = null) =>
        await _cluster.StateAsync<OrderState>(OrderGrain.TypeName, orderId ?? _orderId)
        ?? throw new InvalidOperationException($"order {orderId ?? _orderId} was never stored");

    private async Task<NftItemState> ItemAsync() =>
        await _cluster.StateAsync<NftItemState>(NftItemGrain.TypeName, _itemId) ?? throw new InvalidOperationException($"item {_itemId} was never stored");

    private async Task<PlayerSessionState> PlayerAsync() =>
        await _cluster.StateAsync<PlayerSessionState>(PlayerSessionGrain.TypeName, _wallet) ?? PlayerSessionState.New(_wallet);

    private Task<IReadOnlyDictionary<string, (DateTimeOffset DueAt, IEvent Message)>> RemindersAsync() =>
        _cluster.PendingRemindersOfAsync(OrderGrain.TypeName, _orderId);

    private async Task<IReadOnlyList<ChainCommandRequested>> DefaultCommandsAsync() =>
        [.. (await _cluster.OutboxOfAsync(TopicCatalog.ChainCommands, k => k.StartsWith($"order:{_orderId}:default", StringComparison.Ordinal)))
            .Cast<ChainCommandRequested>()];

    private Task<IReadOnlyList<IEvent>> ItemEventsAsync() => _cluster.OutboxOfAsync(TopicCatalog.ItemEvents, _itemId);
}
