using System.Text.Json;
using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Serialization;
using Commerce.Actors.Tests.Harness;
using Commerce.Events;
using Commerce.Events.Items;
using Commerce.Events.Orders;
using Commerce.Events.Pushes;
using Commerce.Events.Topics;

namespace Commerce.Actors.Tests;

/// <summary>
/// The order saga across grains in Orleans' test cluster: orders placed and paid through the ingress, the order calling
/// its item and its player, an order overtaken by another told by forwarding. Every test has its own orders, items and wallets.
/// </summary>
public sealed class OrderSagaTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private static readonly DateTimeOffset T0 = GrainClusterFixture.T0;

    private GrainCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_placed_and_paid_order_completes_the_item_is_minted_to_the_buyer_and_the_player_is_told()
    {
        var item = await ListedAsync("dragons");
        var (orderId, wallet) = NewBuyer();
        await Cluster.ClearPublishedAsync();

        await SendAsync(orderId, Placed(orderId, wallet, item, "2500"), T0);

        // The item answered the order's call at once: reserved as soon as the placement is applied.
        Assert.Equal(OrderStatus.Reserved, (await OrderAsync(orderId)).Status);
        Assert.Equal(orderId, (await ItemAsync(item)).Reservation!.OrderId);
        var pushes = (await Cluster.PublishedAsync(TopicCatalog.PlayerPushes)).Cast<PlayerPushed>().Where(p => p.PlayerId == wallet).ToList();
        Assert.Equal([(1L, "placed"), (2L, "reserved")], pushes.Select(p => (p.Seq, StatusOf(p.BodyJson))));

        await SendAsync(orderId, new PaymentObserved(orderId, "Purchased", wallet, "2500", "2500", null, "0xtx5", 0, 10, "0xb10",
            Confirmed: true, Reorged: false), T0.AddMinutes(2));

        var order = await OrderAsync(orderId);
        Assert.Equal((OrderStatus.Completed, true), (order.Status, order.Terminal));
        var state = await ItemAsync(item);
        Assert.Equal((ItemStatus.Minted, wallet, (Reservation?)null), (state.Status, state.Owner, state.Reservation));
        Assert.Equal<IEvent>([new ItemSold(item, orderId, wallet, Minted: true)],
            (await Cluster.PublishedAsync(TopicCatalog.ItemEvents)).Where(e => e is ItemSold s && s.ItemId == item));
        var session = await Cluster.StateAsync<PlayerSessionState>(PlayerSessionGrain.TypeName, wallet);
        var summary = Assert.Single(session!.Orders);
        Assert.Equal((orderId, OrderStatus.Completed), (summary.OrderId, summary.Status));
        var journal = await Cluster.Store.ReadJournalAsync(PlayerSessionGrain.TypeName, wallet, 0, CancellationToken.None);
        Assert.Equal([OrderStatus.Placed, OrderStatus.Reserved, OrderStatus.Completed],
            journal.Where(p => p.Kind == "OrderUpdated").Select(p => StatusOf(p.BodyJson)));
    }

    [Fact]
    public async Task Two_orders_racing_for_a_unique_item_end_one_completed_and_the_other_cancelled()
    {
        var item = await ListedAsync("skins");
        var a = NewBuyer();
        var b = NewBuyer();
        Cluster.Clock.Set(T0);
        await Task.WhenAll(
            Cluster.ApplyAsync<IOrderGrain>(a.OrderId, Placed(a.OrderId, a.Wallet, item, "5000"), T0),
            Cluster.ApplyAsync<IOrderGrain>(b.OrderId, Placed(b.OrderId, b.Wallet, item, "5000"), T0));

        var orderA = await OrderAsync(a.OrderId);
        var orderB = await OrderAsync(b.OrderId);
        Assert.Equal([OrderStatus.Cancelled, OrderStatus.Reserved], new[] { orderA.Status, orderB.Status }.Order());
        var (winner, loser) = orderA.Status == OrderStatus.Reserved ? (a, b) : (b, a);
        Assert.Equal("the item is reserved by another order", (await OrderAsync(loser.OrderId)).History[^1].Detail);
        Assert.Equal(winner.OrderId, (await ItemAsync(item)).Reservation!.OrderId);

        // The winner's payment completes it; the loser was never asked to pay (on chain a second purchase of the
        // token reverts, and a purchase that did land first is honoured: OrderInstallmentTests).
        await SendAsync(winner.OrderId, new PaymentObserved(winner.OrderId, "Purchased", winner.Wallet, "5000", "5000", null, "0xtxw", 0, 10, "0xb10",
            Confirmed: true, Reorged: false), T0.AddMinutes(2));
        Assert.Equal(OrderStatus.Completed, (await OrderAsync(winner.OrderId)).Status);
        var lost = await OrderAsync(loser.OrderId);
        Assert.Equal(OrderStatus.Cancelled, lost.Status);
        Assert.Empty(lost.Payments);
        Assert.Equal(OrderStatus.Cancelled, Assert.Single((await Cluster.StateAsync<PlayerSessionState>(PlayerSessionGrain.TypeName, loser.Wallet))!.Orders).Status);
        var state = await ItemAsync(item);
        Assert.Equal((ItemStatus.Minted, winner.Wallet), (state.Status, state.Owner));
    }

    [Fact]
    public async Task An_order_overtaken_by_another_orders_confirmed_purchase_is_told_by_forwarding_and_ends_cancelled()
    {
        // a's buyer sent the purchase in time, but it is confirmed only after a's hold ran out and b reserved the item.
        var item = await ListedAsync("dragons");
        var a = NewBuyer();
        var b = NewBuyer();
        await SendAsync(a.OrderId, Placed(a.OrderId, a.Wallet, item, "2500"), T0);
        var purchase = new PaymentObserved(a.OrderId, "Purchased", a.Wallet, "2500", "2500", null, "0xtxa", 0, 10, "0xb10", Confirmed: false, Reorged: false);
        await SendAsync(a.OrderId, purchase, T0.AddMinutes(10));

        var holdEnd = T0.AddMinutes(OrderOptions.DefaultReservationMinutes);
        Cluster.Clock.Set(holdEnd);
        await Cluster.TickAsync<INftItemGrain>(item, "reservation");
        await Cluster.TickAsync<IOrderGrain>(a.OrderId, OrderGrain.PaymentReminder);
        Assert.Equal(OrderStatus.Reserved, (await OrderAsync(a.OrderId)).Status); // kept while its payment confirms
        await SendAsync(b.OrderId, Placed(b.OrderId, b.Wallet, item, "2500"), holdEnd.AddMinutes(1));
        Assert.Equal(OrderStatus.Reserved, (await OrderAsync(b.OrderId)).Status);
        Assert.Equal(b.OrderId, (await ItemAsync(item)).Reservation!.OrderId);
        await Cluster.ClearPublishedAsync();

        // The item answers a's sale with a refusal addressed to b, which a forwards to b (TellRefusedAsync).
        await SendAsync(a.OrderId, purchase with { Confirmed = true }, holdEnd.AddMinutes(2));

        Assert.Equal(OrderStatus.Completed, (await OrderAsync(a.OrderId)).Status);
        var overtaken = await OrderAsync(b.OrderId);
        Assert.Equal((OrderStatus.Cancelled, true), (overtaken.Status, overtaken.Terminal));
        Assert.Equal((nameof(ReservationRefused), OrderStatus.Reserved, "the item was paid for by another order"),
            (overtaken.History[^1].Event, overtaken.History[^1].From, overtaken.History[^1].Detail));
        var state = await ItemAsync(item);
        Assert.Equal((ItemStatus.Minted, a.Wallet, (Reservation?)null), (state.Status, state.Owner, state.Reservation));
        var pushes = (await Cluster.PublishedAsync(TopicCatalog.PlayerPushes)).Cast<PlayerPushed>().ToList();
        Assert.Equal(new[] { (a.Wallet, (string?)OrderStatus.Completed), (b.Wallet, OrderStatus.Cancelled) }.Order(),
            pushes.Where(p => p.PlayerId == a.Wallet || p.PlayerId == b.Wallet).Select(p => (p.PlayerId, StatusOf(p.BodyJson))).Order());

        // b no longer waits for a payment: its reminder is gone.
        var stored = await Cluster.Store.LoadStateAsync(OrderGrain.TypeName, b.OrderId, CancellationToken.None);
        Assert.Empty(JsonSerializer.Deserialize(stored!.Origins!, GrainJsonContext.Default.GrainRuntimeRecord)!.Reminders);
    }

    private static (string OrderId, string Wallet) NewBuyer() =>
        ($"0x{Guid.NewGuid():N}{Guid.NewGuid():N}", $"0x{Guid.NewGuid():N}{Guid.NewGuid():N}"[..42]);

    private async Task<string> ListedAsync(string collection)
    {
        var item = $"{collection}:{Guid.NewGuid():N}";
        Cluster.Clock.Set(T0);
        await Cluster.ApplyAsync<INftItemGrain>(item, new ItemListed(item, collection, item.Split(':')[1], "legendary", 1, 1, 2.5m, "ETH", null), T0);
        return item;
    }

    /// <summary>Hands <paramref name="payload"/> to the order as the ingress would, at <paramref name="at"/> on the platform's clock too.</summary>
    private Task SendAsync(string orderId, IEvent payload, DateTimeOffset at)
    {
        Cluster.Clock.Set(at);
        return Cluster.ApplyAsync<IOrderGrain>(orderId, payload, at);
    }

    private static OrderPlaced Placed(string orderId, string wallet, string itemId, string price)
    {
        var quote = new OrderQuote("0x0000000000000000000000000000000000000000", itemId.Split(':')[1], wallet, "0x0000000000000000000000000000000000000000",
            price, 1, T0.AddMinutes(10).ToUnixTimeSeconds(), orderId);
        return new OrderPlaced(orderId, wallet, wallet, itemId, quote, "0xsig", "eth", $"k-{orderId[2..10]}");
    }

    private static string? StatusOf(string orderUpdatedJson) => JsonDocument.Parse(orderUpdatedJson).RootElement.GetProperty("status").GetString();

    private async Task<OrderState> OrderAsync(string orderId) =>
        await Cluster.StateAsync<OrderState>(OrderGrain.TypeName, orderId) ?? throw new InvalidOperationException($"order {orderId} was never stored");

    private async Task<NftItemState> ItemAsync(string itemId) =>
        await Cluster.StateAsync<NftItemState>(NftItemGrain.TypeName, itemId) ?? throw new InvalidOperationException($"item {itemId} was never stored");
}
