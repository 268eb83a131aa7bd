using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Actors.Tests.Harness;
using Commerce.Events;
using Commerce.Events.Items;
using Commerce.Events.Orders;

namespace Commerce.Actors.Tests;

/// <summary>
/// Paying a plan off early (docs/ORDERS.md, "Paying off early"): the Checkout's payOff is logged as one InstallmentPaid
/// carrying the remainder (total = price, no next deadline) and PlanCompleted; the order ends the plan as after its last
/// installment, whatever its reminders do around it.
/// </summary>
public sealed partial class OrderInstallmentTests
{
    [Fact]
    public async Task A_payoff_seen_before_the_deadline_check_postpones_the_default_and_once_confirmed_completes_the_plan()
    {
        await PlaceAsync();
        await ApplyAsync(Purchased(), T0);
        // 1003 in 4: 253 down, then 750 at once instead of three installments of 250.
        await ApplyAsync(Payment("InstallmentPaid", "750", "1003", null, confirmed: false), T0.AddSeconds(100));
        await TickAsync(OrderGrain.InstallmentDefault, T0.AddSeconds(103));
        Assert.Empty(await DefaultCommandsAsync());

        await ApplyAsync(Payment("InstallmentPaid", "750", "1003", null), T0.AddSeconds(104));
        var paying = await OrderAsync();
        Assert.Equal((OrderStatus.PlanActive, "1003", 4, (long?)null), (paying.Status, paying.TotalPaid, paying.Plan!.PaymentsMade, paying.Plan.NextDeadline));
        Assert.Contains("paid off early", paying.History[^1].Detail);
        Assert.Empty(await RemindersAsync());

        await ApplyAsync(Payment("PlanCompleted", "0", "0", null), T0.AddSeconds(104));
        await TickAsync(OrderGrain.InstallmentDefault, T0.AddSeconds(118));
        Assert.Empty(await DefaultCommandsAsync());
        var order = await OrderAsync();
        Assert.Equal((OrderStatus.Completed, "1003"), (order.Status, order.TotalPaid));
        Assert.Equal((ItemStatus.Minted, _wallet), ((await ItemAsync()).Status, (await ItemAsync()).Owner));
        Assert.Equal<IEvent>([new ItemPaidFor(_itemId, _orderId, _wallet, _wallet), new ItemSold(_itemId, _orderId, _wallet, Minted: true)], await ItemEventsAsync());
    }

    [Fact]
    public async Task A_payoff_delivered_twice_and_the_old_reminders_firing_after_it_change_nothing()
    {
        await PlaceAsync();
        await ApplyAsync(Purchased(), T0);
        await ApplyAsync(Payment("InstallmentPaid", "250", "503", Deadline1 + 100), T0.AddSeconds(50));
        var payoff = Payment("InstallmentPaid", "500", "1003", null);
        await ApplyAsync(payoff, T0.AddSeconds(120));
        var pushes = (await _cluster.OrderPushesOfAsync(_wallet)).Count;

        // The watcher delivers at least once; the old reminders fire at least once.
        await ApplyAsync(payoff, T0.AddSeconds(121));
        await TickAsync(OrderGrain.InstallmentReminder, T0.AddSeconds(175));
        await TickAsync(OrderGrain.InstallmentDefault, T0.AddSeconds(203));
        await ApplyAsync(Payment("PlanCompleted", "0", "0", null), T0.AddSeconds(122));
        await ApplyAsync(Payment("PlanCompleted", "0", "0", null), T0.AddSeconds(123));

        var order = await OrderAsync();
        Assert.Equal((OrderStatus.Completed, "1003", 4), (order.Status, order.TotalPaid, order.Plan!.PaymentsMade));
        Assert.Single(order.History, t => t.Detail?.Contains("paid off early", StringComparison.Ordinal) == true);
        Assert.Single(order.History, t => t.To == OrderStatus.Completed && t.From == OrderStatus.PlanActive);
        Assert.Empty(await DefaultCommandsAsync());
        Assert.DoesNotContain((await _cluster.OrderPushesOfAsync(_wallet)).Skip(pushes), p => p.Detail?.StartsWith(OrderGrain.InstallmentDuePrefix, StringComparison.Ordinal) == true);
        Assert.Single((await ItemEventsAsync()).OfType<ItemSold>());
    }

    [Fact]
    public async Task The_last_single_installment_is_not_taken_for_a_payoff()
    {
        await PlaceAsync(installments: 2, price: "1000");
        await ApplyAsync(Payment("Purchased", "500", "500", Deadline1), T0);
        await ApplyAsync(Payment("InstallmentPaid", "500", "1000", null), T0.AddSeconds(50));

        var order = await OrderAsync();
        Assert.Equal(2, order.Plan!.PaymentsMade);
        Assert.DoesNotContain("paid off early", order.History[^1].Detail);
    }
}
