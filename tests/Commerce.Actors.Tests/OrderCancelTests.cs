using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Actors.Tests.Harness;
using Commerce.Events.Items;
using Commerce.Events.Orders;
using Commerce.Events.Player;

namespace Commerce.Actors.Tests;

/// <summary>A buyer cancels its order before paying: only its own, only before a payment is seen; the item is freed.</summary>
public sealed class OrderCancelTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private static readonly DateTimeOffset T0 = GrainClusterFixture.T0;
    private const string Zero = "0x0000000000000000000000000000000000000000";

    private GrainCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_reserved_order_is_cancelled_by_its_buyer_and_the_item_freed_and_a_repeat_is_answered_again()
    {
        var (orderId, itemId, buyer) = await ReservedOrderAsync();
        var order = Cluster.Grains.GetGrain<IOrderGrain>(orderId);

        var first = Assert.IsType<OrderUpdated>(Assert.Single((await order.CancelByBuyerAsync(new OrderCancellationRequested(orderId, buyer))).Events).Payload);
        var again = Assert.IsType<OrderUpdated>(Assert.Single((await order.CancelByBuyerAsync(new OrderCancellationRequested(orderId, buyer))).Events).Payload);

        Assert.Equal((OrderStatus.Cancelled, OrderStatus.Cancelled), (first.Status, again.Status));
        Assert.Equal(OrderStatus.Cancelled, (await Cluster.StateAsync<OrderState>(OrderGrain.TypeName, orderId))!.Status);
        Assert.Equal(ItemStatus.Available, (await Cluster.StateAsync<NftItemState>(NftItemGrain.TypeName, itemId))!.Status);
    }

    [Fact]
    public async Task Another_players_cancel_and_a_cancel_after_a_payment_was_seen_are_refused_and_change_nothing()
    {
        var (orderId, _, buyer) = await ReservedOrderAsync();
        var order = Cluster.Grains.GetGrain<IOrderGrain>(orderId);

        var stranger = Assert.IsType<OrderCancellationRefused>(Assert.Single((await order.CancelByBuyerAsync(
            new OrderCancellationRequested(orderId, "0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"))).Events).Payload);
        await Cluster.ApplyAsync<IOrderGrain>(orderId, new PaymentObserved(orderId, "Purchased", buyer, "1000", "1000", null, "0xtx", 0, 100, "0xblock", false, false), T0.AddMinutes(1));
        var paid = Assert.IsType<OrderCancellationRefused>(Assert.Single((await order.CancelByBuyerAsync(new OrderCancellationRequested(orderId, buyer))).Events).Payload);

        Assert.Equal("no such order", stranger.Reason);
        Assert.Contains("payment", paid.Reason);
        Assert.Equal(OrderStatus.Reserved, (await Cluster.StateAsync<OrderState>(OrderGrain.TypeName, orderId))!.Status);
    }

    private async Task<(string OrderId, string ItemId, string Buyer)> ReservedOrderAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (orderId, itemId, buyer) = ($"0x{suffix}", $"dragons:{Random.Shared.Next(1, int.MaxValue)}", $"0x{suffix}{new string('a', 32)}");
        Cluster.Clock.Set(T0);
        await Cluster.ApplyAsync<INftItemGrain>(itemId, new ItemListed(itemId, "dragons", itemId[8..], "legendary", 1, 1, 2.5m, "ETH", null), T0);
        await Cluster.ApplyAsync<IOrderGrain>(orderId, new OrderPlaced(orderId, buyer, buyer, itemId,
            new OrderQuote(Zero, "1", buyer, Zero, "1000", 1, T0.AddMinutes(10).ToUnixTimeSeconds(), orderId), "0xsig", "eth", "k1"), T0);
        Assert.Equal(OrderStatus.Reserved, (await Cluster.StateAsync<OrderState>(OrderGrain.TypeName, orderId))!.Status);
        return (orderId, itemId, buyer);
    }
}
