using Commerce.Actors.Orders;
using Commerce.Actors.Tests.Harness;
using Commerce.Events.Chain;
using Commerce.Events.Orders;
using Commerce.Events.Topics;

namespace Commerce.Actors.Tests;

/// <summary>
/// An operator's refund through the Checkout (docs/ORDERS.md, "Refunds"), in the same test cluster as the installment
/// tests (its Checkout is configured): one Checkout.refund command however often it is asked, refunded once on the
/// confirmed Refunded log, refused before the purchase completed.
/// </summary>
public sealed partial class OrderInstallmentTests
{
    [Fact]
    public async Task A_completed_order_asks_one_refund_however_often_it_is_requested_and_is_refunded_once_on_the_confirmed_log()
    {
        await CompletedAsync();

        var first = Assert.IsType<OrderRefundAccepted>(await RefundAsync("ops-1", "the item never reached the game", T0.AddMinutes(1)));
        var again = Assert.IsType<OrderRefundAccepted>(await RefundAsync("ops-2", "asked twice", T0.AddMinutes(2)));

        Assert.Equal(new OrderRefundAccepted(_orderId, OrderGrain.RefundCommandId(_orderId), "ops-1", "the item never reached the game", T0.AddMinutes(1)), first);
        Assert.Equal(first, again);
        Assert.Equal(new ChainCommandRequested(OrderGrain.RefundCommandId(_orderId), ChainCommandKinds.Refund, Checkout, "0",
            OrderGrain.RefundSelector + _orderId[2..], 0, null), Assert.Single(await RefundCommandsAsync()) with { Requester = null, RequesterMac = null });

        await ApplyAsync(Payment("Refunded", "1003", "0", null, confirmed: false), T0.AddMinutes(3));
        Assert.Equal(OrderStatus.Completed, (await OrderAsync()).Status);
        await ApplyAsync(Payment("Refunded", "1003", "0", null), T0.AddMinutes(4));
        await ApplyAsync(Payment("Refunded", "1003", "0", null), T0.AddMinutes(5)); // the watcher delivers at least once

        var order = await OrderAsync();
        Assert.Equal((OrderStatus.Refunded, true), (order.Status, order.Terminal));
        var moved = Assert.Single(order.History, h => h.To == OrderStatus.Refunded && h.From != OrderStatus.Refunded);
        Assert.Contains("ops-1", moved.Detail);
        Assert.Contains("the item never reached the game", moved.Detail);
        var after = Assert.IsType<OrderRefundRefused>(await RefundAsync("ops-1", "once more", T0.AddMinutes(6)));
        Assert.Equal(OrderStatus.Refunded, after.Status);
        Assert.Single(await RefundCommandsAsync());
    }

    [Fact]
    public async Task An_order_not_paid_in_full_or_unknown_is_refused_and_asks_nothing()
    {
        await PlaceAsync();
        var reserved = Assert.IsType<OrderRefundRefused>(await RefundAsync("ops-1", "why not", T0));
        await ApplyAsync(Purchased(), T0);
        var plan = Assert.IsType<OrderRefundRefused>(await RefundAsync("ops-1", "why not", T0));
        var unknown = Assert.IsType<OrderRefundRefused>(await RefundAsync("ops-1", "why not", T0, NewOrderId()));

        Assert.Equal((OrderStatus.Reserved, OrderStatus.PlanActive, OrderStatus.None), (reserved.Status, plan.Status, unknown.Status));
        Assert.Contains("completed", plan.Reason);
        Assert.Empty(await RefundCommandsAsync());
        Assert.Null((await OrderAsync()).Refund);
    }

    [Fact]
    public async Task A_failed_refund_command_may_be_asked_again_under_a_new_command_id()
    {
        await CompletedAsync();
        await RefundAsync("ops-1", "compensation", T0.AddMinutes(1));
        await ApplyAsync(GrainCluster.Marked(new DeliveryUpdated(_orderId, OrderGrain.RefundCommandId(_orderId), ChainTransactionUpdated.Failed, "InsufficientRevenue") { Reason = "InsufficientRevenue" }), T0.AddMinutes(2));
        Assert.Equal("InsufficientRevenue", (await OrderAsync()).Refund!.FailedBecause);

        var retry = Assert.IsType<OrderRefundAccepted>(await RefundAsync("ops-2", "revenue is back", T0.AddMinutes(3)));

        Assert.Equal((OrderGrain.RefundCommandId(_orderId, 2), "ops-2"), (retry.CommandId, retry.RequestedBy));
        Assert.Equal([OrderGrain.RefundCommandId(_orderId), OrderGrain.RefundCommandId(_orderId, 2)], (await RefundCommandsAsync()).Select(c => c.CommandId).Order());
        Assert.Equal(OrderStatus.Completed, (await OrderAsync()).Status);
    }

    /// <summary>A one-payment order of 1003, paid in full at T0: completed.</summary>
    private async Task CompletedAsync()
    {
        await PlaceAsync(installments: 1);
        await ApplyAsync(Payment("Purchased", "1003", "1003", null), T0);
        Assert.Equal(OrderStatus.Completed, (await OrderAsync()).Status);
    }

    private async Task<Commerce.Events.IEvent> RefundAsync(string by, string reason, DateTimeOffset at, string? orderId = null)
    {
        _cluster.Clock.Set(at);
        var id = orderId ?? _orderId;
        return Assert.Single((await _cluster.Grains.GetGrain<IOrderGrain>(id).RequestRefundAsync(new OrderRefundRequested(id, by, reason))).Events).Payload;
    }

    private async Task<IReadOnlyList<ChainCommandRequested>> RefundCommandsAsync() =>
        [.. (await _cluster.OutboxOfAsync(TopicCatalog.ChainCommands, k => k.StartsWith($"order:{_orderId}:refund", StringComparison.Ordinal)))
            .Cast<ChainCommandRequested>()];
}
