using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Tests.Harness;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Orders;
using Commerce.Events.Player;
using Commerce.Events.Pushes;
using Commerce.Events.Topics;

namespace Commerce.Actors.Tests;

/// <summary>
/// A refund the buyer's wallet refused is credited in the Checkout (RefundCredited) and later paid out (OwedPaid): the
/// Checkout watcher reports both, and the player is told of each once (docs/SECURITY.md, "Refunds no recipient can block").
/// </summary>
public sealed class RefundCreditTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private static readonly DateTimeOffset T0 = GrainClusterFixture.T0;
    private const string Zero = "0x0000000000000000000000000000000000000000";

    private GrainCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_credited_refund_is_recorded_on_its_defaulted_order_and_told_to_the_player_once()
    {
        var orderId = $"0x{Guid.NewGuid():N}{Guid.NewGuid():N}";
        var wallet = $"0x{Guid.NewGuid():N}{Guid.NewGuid():N}"[..42];
        var itemId = $"dragons:{Guid.NewGuid():N}";
        Cluster.Clock.Set(T0);
        await Cluster.ApplyAsync<INftItemGrain>(itemId, new ItemListed(itemId, "dragons", itemId[8..], "legendary", 1, 1, 2.5m, "ETH", null), T0);
        await Cluster.ApplyAsync<IOrderGrain>(orderId, new OrderPlaced(orderId, wallet, wallet, itemId,
            new OrderQuote(Zero, "1", wallet, Zero, "1000", 2, T0.AddMinutes(10).ToUnixTimeSeconds(), orderId), "0xsig", "installments", "k1"), T0);
        await Cluster.ApplyAsync<IOrderGrain>(orderId, Log(orderId, wallet, "Purchased", "500", "0xtx1", 0), T0);
        await Cluster.ApplyAsync<IOrderGrain>(orderId, Log(orderId, wallet, "PlanDefaulted", "450", "0xtx2", 0), T0);
        await Cluster.PublishedAsync(TopicCatalog.PlayerPushes);

        var credited = EventEnvelope.Create(orderId, Log(orderId, wallet, "RefundCredited", "450", "0xtx2", 1) with { Currency = Zero }, T0);
        await Cluster.ApplyAtAsync<IOrderGrain>(orderId, credited, 9_001);
        await Cluster.ApplyAtAsync<IOrderGrain>(orderId, credited, 9_002);      // published again by the watcher

        var order = await Cluster.StateAsync<OrderState>(OrderGrain.TypeName, orderId);
        Assert.Equal(OrderStatus.Defaulted, order!.Status);
        Assert.Contains(order.History, h => h.Event == "PaymentObserved:RefundCredited" && h.Detail!.Contains("claim(currency, to)"));
        var pushes = (await Cluster.PublishedAsync(TopicCatalog.PlayerPushes)).Cast<PlayerPushed>().Where(p => p.PlayerId == wallet).ToList();
        var push = Assert.Single(pushes);
        Assert.Equal("OrderUpdated", push.Kind);
        Assert.Contains("credited to it in the Checkout", push.BodyJson);
        Assert.Equal(("payment.RefundCredited", $"checkout-owed:{wallet}"),
            (await Cluster.LedgerOfAsync(OrderGrain.TypeName, orderId)).Select(e => (e.Kind, e.To)).Last());
    }

    [Fact]
    public async Task A_credited_refund_paid_out_is_pushed_to_its_player_once_and_only_when_confirmed()
    {
        var wallet = $"0x{Guid.NewGuid():N}{Guid.NewGuid():N}"[..42];
        Cluster.Clock.Set(T0);
        await Cluster.PublishedAsync(TopicCatalog.PlayerPushes);
        var paid = new CreditedRefundPaid(wallet, Zero, "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc", "450", "0xtx9", 2, Confirmed: false, Reorged: false);

        await Cluster.ApplyAsync<IPlayerSessionGrain>(wallet, paid, T0);
        Assert.DoesNotContain((await Cluster.PublishedAsync(TopicCatalog.PlayerPushes)).Cast<PlayerPushed>(), p => p.PlayerId == wallet);

        await Cluster.ApplyAsync<IPlayerSessionGrain>(wallet, paid with { Confirmed = true }, T0);
        await Cluster.ApplyAsync<IPlayerSessionGrain>(wallet, paid with { Confirmed = true }, T0);   // a re-scan reports it again

        var push = Assert.Single((await Cluster.PublishedAsync(TopicCatalog.PlayerPushes)).Cast<PlayerPushed>(), p => p.PlayerId == wallet);
        Assert.Equal(nameof(CreditedRefundPaid), push.Kind);
        Assert.Contains("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc", push.BodyJson);
    }

    private static PaymentObserved Log(string orderId, string wallet, string kind, string amount, string tx, int index) =>
        new(orderId, kind, wallet, amount, kind == "Purchased" ? amount : "0", null, tx, index, 100, "0xblock", Confirmed: true, Reorged: false);
}
