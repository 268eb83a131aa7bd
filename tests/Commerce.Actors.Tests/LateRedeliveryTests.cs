using System.Text.Json;
using System.Text.Json.Nodes;
using Commerce.Actors.Custody;
using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Actors.Runtime;
using Commerce.Actors.Serialization;
using Commerce.Actors.Storage;
using Commerce.Actors.Tests.Harness;
using Commerce.Events.Custody;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Orders;

namespace Commerce.Actors.Tests;

/// <summary>
/// A record that comes back after every bounded window a grain keeps has forgotten it (the custody account's 4,096
/// credited transactions, an order's 64 payment logs, the applied offsets and the last 32 event ids): the money it moved
/// is not moved again, because its dedupe key (transaction, and log index for a Checkout log) is stored for good with
/// the credit. Each test forgets the windows by rewriting the stored state as a long-lived grain would have it.
/// </summary>
public sealed class LateRedeliveryTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private static readonly DateTimeOffset T0 = GrainClusterFixture.T0;
    private const string Custody = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    private const string Zero = "0x0000000000000000000000000000000000000000";

    private GrainCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_deposit_redelivered_after_the_window_has_forgotten_it_credits_nothing()
    {
        var wallet = "0x" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")[..8];
        var topic = $"custody-events-{Guid.NewGuid():N}";
        var deposit = EventEnvelope.Create(wallet, GrainCluster.Marked(new DepositObserved(wallet, Custody, "1000", "0xd1", 10, "0xb1", true, false)), T0);
        Cluster.Clock.Set(T0);
        await Cluster.ApplyAtAsync<ICustodyAccountGrain>(wallet, deposit, 1, topic);
        Assert.Equal("1000", (await CustodyAsync(wallet)).Available);

        // 4,096 later credits pushed 0xd1 out of CreditedTransactions, and the offsets and event ids are long forgotten.
        await ForgetAsync<ICustodyAccountGrain>(CustodyAccountGrain.TypeName, wallet, state =>
            state["creditedTransactions"] = new JsonArray([.. Enumerable.Range(0, CustodyAccountState.MaxCreditedTransactions).Select(i => (JsonNode)$"0xlater{i}")]));
        await Cluster.ApplyAtAsync<ICustodyAccountGrain>(wallet, deposit, 1, topic);         // the consumer group rewound
        await Cluster.ApplyAtAsync<ICustodyAccountGrain>(wallet, deposit, 9_000, topic);     // the watcher re-scanned and sent it anew

        var state = await CustodyAsync(wallet);
        Assert.Equal(("1000", "1000"), (state.Available, state.Credited));
        Assert.Single(await Cluster.LedgerOfAsync(CustodyAccountGrain.TypeName, wallet));
        Assert.Single(await Cluster.Store.LoadDedupeKeysAsync(CustodyAccountGrain.TypeName, wallet, [CustodyAccountGrain.DedupeKey("0xD1")], CancellationToken.None));
    }

    [Fact]
    public async Task A_new_deposit_after_the_window_moved_on_is_still_credited()
    {
        var wallet = "0x" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")[..8];
        Cluster.Clock.Set(T0);
        await Cluster.ApplyAsync<ICustodyAccountGrain>(wallet, GrainCluster.Marked(new DepositObserved(wallet, Custody, "1000", "0xd1", 10, "0xb1", true, false)), T0);
        await ForgetAsync<ICustodyAccountGrain>(CustodyAccountGrain.TypeName, wallet, state => state["creditedTransactions"] = new JsonArray());
        await Cluster.ApplyAsync<ICustodyAccountGrain>(wallet, GrainCluster.Marked(new DepositObserved(wallet, Custody, "500", "0xd2", 11, "0xb2", true, false)), T0);

        Assert.Equal(("1500", "1500"), ((await CustodyAsync(wallet)).Available, (await CustodyAsync(wallet)).Credited));
    }

    [Fact]
    public async Task A_confirmed_payment_redelivered_after_the_order_forgot_its_log_moves_no_money_again()
    {
        var orderId = $"0x{Guid.NewGuid():N}{Guid.NewGuid():N}";
        var wallet = $"0x{Guid.NewGuid():N}{Guid.NewGuid():N}"[..42];
        var itemId = $"dragons:{Guid.NewGuid():N}";
        var topic = $"order-events-{Guid.NewGuid():N}";
        Cluster.Clock.Set(T0);
        await Cluster.ApplyAsync<INftItemGrain>(itemId, new ItemListed(itemId, "dragons", itemId[8..], "legendary", 1, 1, 2.5m, "ETH", null), T0);
        await Cluster.ApplyAtAsync<IOrderGrain>(orderId, EventEnvelope.Create(orderId, new OrderPlaced(orderId, wallet, wallet, itemId,
            new OrderQuote(Zero, "1", wallet, Zero, "1003", 4, T0.AddMinutes(10).ToUnixTimeSeconds(), orderId), "0xsig", "installments", "k1"), T0), 1, topic);
        var down = EventEnvelope.Create(orderId, new PaymentObserved(orderId, "Purchased", wallet, "253", "253", null, "0xtx1", 0, 100, "0xblock", true, false), T0.AddMinutes(1));
        Cluster.Clock.Set(T0.AddMinutes(1));
        await Cluster.ApplyAtAsync<IOrderGrain>(orderId, down, 2, topic);
        Assert.Equal(OrderStatus.PlanActive, (await OrderAsync(orderId)).Status);

        // The order's 64 payment logs moved on past the down payment; its offsets and event ids are forgotten too.
        await ForgetAsync<IOrderGrain>(OrderGrain.TypeName, orderId, state => state["payments"] = new JsonArray());
        await Cluster.ApplyAtAsync<IOrderGrain>(orderId, down, 2, topic);

        var order = await OrderAsync(orderId);
        Assert.Equal((OrderStatus.PlanActive, "253"), (order.Status, order.TotalPaid));
        Assert.Equal(["payment.Purchased"], (await Cluster.LedgerOfAsync(OrderGrain.TypeName, orderId)).Select(e => e.Kind));
    }

    /// <summary>
    /// Rewrites a grain's stored state as a long-lived grain would have it: <paramref name="forget"/> changes its state,
    /// and the applied offsets and recent event ids are gone (its reminders are kept). The activation goes first.
    /// </summary>
    private async Task ForgetAsync<TGrain>(string grainType, string key, Action<JsonObject> forget) where TGrain : IGrainWithStringKey
    {
        await Cluster.DeactivateAsync<TGrain>(key);
        var stored = await Cluster.Store.LoadStateAsync(grainType, key, CancellationToken.None) ?? throw new InvalidOperationException($"{grainType} {key} was never stored");
        var state = JsonNode.Parse(stored.Json)!.AsObject();
        forget(state);
        var runtime = JsonSerializer.Deserialize(stored.Origins!, GrainJsonContext.Default.GrainRuntimeRecord)!;
        var forgotten = JsonSerializer.Serialize(new GrainRuntimeRecord(new Dictionary<string, OriginWindow>(), runtime.Reminders), GrainJsonContext.Default.GrainRuntimeRecord);
        await Cluster.Store.WriteGrainAsync(new GrainWrite(grainType, key, stored.Version, state.ToJsonString(), forgotten, [], [], [], 0), CancellationToken.None);
    }

    private async Task<CustodyAccountState> CustodyAsync(string wallet) =>
        await Cluster.StateAsync<CustodyAccountState>(CustodyAccountGrain.TypeName, wallet) ?? throw new InvalidOperationException($"custody account {wallet} was never stored");

    private async Task<OrderState> OrderAsync(string orderId) =>
        await Cluster.StateAsync<OrderState>(OrderGrain.TypeName, orderId) ?? throw new InvalidOperationException($"order {orderId} was never stored");
}
