using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Serialization;
using Commerce.Events.Items;
using Commerce.Events.Orders;
using Commerce.Events.Topics;

namespace Commerce.Actors.Tests;

/// <summary>The order saga through Kafka: order, item and player grains answering each other through their outboxes.</summary>
public sealed class OrderSagaTests
{
    [Fact]
    public async Task A_placed_and_paid_order_completes_the_item_is_minted_to_the_buyer_and_the_player_is_told()
    {
        using var db = new TempDatabase();
        await using var runtime = await RuntimeHarness.StartAsync(null, "sqlite", db.ConnectionString);
        await runtime.Producer.PublishAsync(TopicCatalog.ItemEvents, "dragons:5", new ItemListed("dragons:5", "dragons", "5", "legendary", 1, 1, 2.5m, "ETH", null));
        var wallet = "0x5555555555555555555555555555555555555555";
        var orderId = "0x" + new string('5', 64);
        await runtime.Producer.PublishAsync(TopicCatalog.OrderEvents, orderId, Placed(orderId, wallet, "dragons:5", "k-5"));

        await WaitForOrderAsync(runtime, orderId, s => s.Status == OrderStatus.Reserved);
        await runtime.Producer.PublishAsync(TopicCatalog.OrderEvents, orderId,
            new PaymentObserved(orderId, "Purchased", wallet, "2500", "2500", null, "0xtx5", 0, 10, "0xb10", Confirmed: true, Reorged: false));

        var order = await WaitForOrderAsync(runtime, orderId, s => s.Status == OrderStatus.Completed);
        Assert.True(order.Terminal);
        var item = await GrainRuntimeTests.WaitForStateAsync(runtime, NftItemGrain.TypeName, "dragons:5", GrainJsonContext.Default.NftItemState,
            s => s.Status == ItemStatus.Minted);
        Assert.Equal(wallet, item.Owner);
        Assert.Null(item.Reservation);
        var session = await GrainRuntimeTests.WaitForStateAsync(runtime, PlayerSessionGrain.TypeName, wallet, GrainJsonContext.Default.PlayerSessionState,
            s => s.Orders.Any(o => o.OrderId == orderId && o.Status == OrderStatus.Completed));
        Assert.Equal([OrderStatus.Placed, OrderStatus.Reserved, OrderStatus.Completed],
            (await runtime.Store.ReadJournalAsync(PlayerSessionGrain.TypeName, wallet, 0, CancellationToken.None)).Where(p => p.Kind == "OrderUpdated").Select(p => System.Text.Json.JsonDocument.Parse(p.BodyJson).RootElement.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Two_orders_racing_for_a_unique_item_end_one_completed_and_the_other_cancelled()
    {
        using var db = new TempDatabase();
        await using var runtime = await RuntimeHarness.StartAsync(null, "sqlite", db.ConnectionString);
        await runtime.Producer.PublishAsync(TopicCatalog.ItemEvents, "skins:8", new ItemListed("skins:8", "skins", "8", "mythic", 1, 1, 5m, "ETH", null));
        var a = ("0x" + new string('a', 64), "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        var b = ("0x" + new string('b', 64), "0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        await Task.WhenAll(
            runtime.Producer.PublishAsync(TopicCatalog.OrderEvents, a.Item1, Placed(a.Item1, a.Item2, "skins:8", "ka")),
            runtime.Producer.PublishAsync(TopicCatalog.OrderEvents, b.Item1, Placed(b.Item1, b.Item2, "skins:8", "kb")));

        var orderA = await WaitForOrderAsync(runtime, a.Item1, s => s.Status is OrderStatus.Reserved or OrderStatus.Cancelled);
        var orderB = await WaitForOrderAsync(runtime, b.Item1, s => s.Status is OrderStatus.Reserved or OrderStatus.Cancelled);
        Assert.Equal([OrderStatus.Cancelled, OrderStatus.Reserved], new[] { orderA.Status, orderB.Status }.Order());
        var (winner, loser) = orderA.Status == OrderStatus.Reserved ? (a, b) : (b, a);
        Assert.Equal("the item is reserved by another order", (orderA.Status == OrderStatus.Cancelled ? orderA : orderB).History[^1].Detail);

        // The winner's payment completes it; the loser was never asked to pay (on chain a second purchase of the
        // token reverts, and a purchase that did land first is honoured: OrderInstallmentTests).
        await runtime.Producer.PublishAsync(TopicCatalog.OrderEvents, winner.Item1,
            new PaymentObserved(winner.Item1, "Purchased", winner.Item2, "5000", "5000", null, "0xtxw", 0, 10, "0xb10", Confirmed: true, Reorged: false));
        await WaitForOrderAsync(runtime, winner.Item1, s => s.Status == OrderStatus.Completed);
        var lost = await WaitForOrderAsync(runtime, loser.Item1, _ => true);
        Assert.Equal(OrderStatus.Cancelled, lost.Status);
        Assert.Empty(lost.Payments);
        var item = await GrainRuntimeTests.WaitForStateAsync(runtime, NftItemGrain.TypeName, "skins:8", GrainJsonContext.Default.NftItemState,
            s => s.Status == ItemStatus.Minted);
        Assert.Equal(winner.Item2, item.Owner);
    }

    private static OrderPlaced Placed(string orderId, string wallet, string itemId, string key)
    {
        var tokenId = itemId.Split(':')[1];
        var price = itemId.StartsWith("dragons", StringComparison.Ordinal) ? "2500" : "5000";
        var quote = new OrderQuote("0x0000000000000000000000000000000000000000", tokenId, wallet, "0x0000000000000000000000000000000000000000",
            price, 1, DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds(), orderId);
        return new OrderPlaced(orderId, wallet, wallet, itemId, quote, "0xsig", "eth", key);
    }

    private static Task<OrderState> WaitForOrderAsync(RuntimeHarness runtime, string orderId, Func<OrderState, bool> condition) =>
        GrainRuntimeTests.WaitForStateAsync(runtime, OrderGrain.TypeName, orderId, GrainJsonContext.Default.OrderState, condition);
}
