using Commerce.Actors.NftItem;
using Commerce.Actors.Runtime;
using Commerce.Events;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Orders;
using Commerce.Events.Topics;

namespace Commerce.Actors.Tests;

public sealed class ReservationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Two_orders_racing_for_a_unique_item_through_kafka_get_exactly_one_reservation()
    {
        using var db = new TempDatabase();
        await using var runtime = await RuntimeHarness.StartAsync(null, "sqlite", db.ConnectionString);
        await runtime.Producer.PublishAsync(TopicCatalog.ItemEvents, "dragons:1", new ItemListed("dragons:1", "dragons", "1", "legendary", 1, 1, 2.5m, "ETH", null));
        var now = DateTimeOffset.UtcNow;
        await Task.WhenAll(
            runtime.Producer.PublishAsync(TopicCatalog.ItemEvents, EventEnvelope.Create("dragons:1", new ReservationRequested("dragons:1", "order-a", "0xa", now.AddMinutes(10)), now)),
            runtime.Producer.PublishAsync(TopicCatalog.ItemEvents, EventEnvelope.Create("dragons:1", new ReservationRequested("dragons:1", "order-b", "0xb", now.AddMinutes(10)), now)));

        var answers = GrainRuntimeTests.ReadAll(runtime.Kafka.BootstrapServers, TopicCatalog.OrderEvents.Name, 2).Select(e => e.Payload).ToList();
        Assert.Single(answers.OfType<ItemReserved>());
        var refused = Assert.Single(answers.OfType<ReservationRefused>());
        Assert.NotEqual(answers.OfType<ItemReserved>().Single().OrderId, refused.OrderId);
        Assert.Equal("the item is reserved by another order", refused.Reason);
    }

    [Fact]
    public async Task A_reservation_expires_on_event_time_and_a_release_frees_the_item()
    {
        var grain = Listed();
        Assert.IsType<ItemReserved>(await Send(grain, new ReservationRequested("dragons:1", "a", "0xa", T0.AddMinutes(5)), T0));
        Assert.IsType<ReservationRefused>(await Send(grain, new ReservationRequested("dragons:1", "b", "0xb", T0.AddMinutes(15)), T0.AddMinutes(4)));
        var again = Assert.IsType<ItemReserved>(await Send(grain, new ReservationRequested("dragons:1", "a", "0xa", T0.AddMinutes(9)), T0.AddMinutes(1)));
        Assert.Equal(T0.AddMinutes(5), again.ReservedUntil); // a repeated request keeps the original hold

        // After a's hold ran out, b gets the item.
        Assert.IsType<ItemReserved>(await Send(grain, new ReservationRequested("dragons:1", "b", "0xb", T0.AddMinutes(15)), T0.AddMinutes(6)));
        await Send(grain, new ReservationReleased("dragons:1", "a", "late release of an expired hold"), T0.AddMinutes(7));
        Assert.Equal("b", grain.State.Reservation!.OrderId);
        await Send(grain, new ReservationReleased("dragons:1", "b", "cancelled"), T0.AddMinutes(8));
        Assert.Equal(ItemStatus.Available, grain.State.Status);
        Assert.Null(grain.State.Reservation);
    }

    [Fact]
    public async Task A_reservation_nobody_used_expires_by_its_reminder_and_the_order_is_told()
    {
        using var db = new TempDatabase();
        await using var runtime = await RuntimeHarness.StartAsync(null, "sqlite", db.ConnectionString);
        await runtime.Producer.PublishAsync(TopicCatalog.ItemEvents, "skins:3", new ItemListed("skins:3", "skins", "3", "mythic", 1, 1, 5m, "ETH", null));
        var now = DateTimeOffset.UtcNow;
        await runtime.Producer.PublishAsync(TopicCatalog.ItemEvents,
            EventEnvelope.Create("skins:3", new ReservationRequested("skins:3", "order-x", "0xx", now.AddSeconds(1)), now));

        var answers = GrainRuntimeTests.ReadAll(runtime.Kafka.BootstrapServers, TopicCatalog.OrderEvents.Name, 2).Select(e => e.Payload).ToList();
        Assert.IsType<ItemReserved>(answers[0]);
        Assert.Equal(new ReservationExpired("skins:3", "order-x"), answers[1]);
        var item = await GrainRuntimeTests.WaitForStateAsync(runtime, NftItemGrain.TypeName, "skins:3",
            Serialization.GrainJsonContext.Default.NftItemState, s => s.Status == ItemStatus.Available);
        Assert.Null(item.Reservation);
    }

    [Fact]
    public async Task Unlisted_and_sold_items_are_refused()
    {
        var unlisted = new NftItemGrain();
        ((IGrainActivation)unlisted).Activate("dragons:9", null, 0);
        var refused = Assert.IsType<ReservationRefused>(await Send(unlisted, new ReservationRequested("dragons:9", "a", "0xa", T0.AddMinutes(5)), T0));
        Assert.Equal("the item is not listed", refused.Reason);

        var sold = Listed();
        ((IGrainActivation)sold).Restore(sold.State with { Status = ItemStatus.Sold });
        Assert.Equal("the item is sold", Assert.IsType<ReservationRefused>(await Send(sold, new ReservationRequested("dragons:1", "a", "0xa", T0.AddMinutes(5)), T0)).Reason);
    }

    [Fact]
    public async Task An_item_paid_for_is_held_for_its_order_without_expiry_and_a_release_frees_it()
    {
        var grain = Listed();
        await Send(grain, new ReservationRequested("dragons:1", "a", "0xa", T0.AddMinutes(5)), T0);
        Assert.Null(await Send(grain, new ItemPaidFor("dragons:1", "a", "0xa", Wallet), T0.AddMinutes(1)));
        Assert.Equal((ItemStatus.Settling, "a"), (grain.State.Status, grain.State.Reservation!.OrderId));

        // The reservation's reminder, long after its time, no longer frees it; nor does another order get it.
        Assert.Null(await Send(grain, new ReservationExpired("dragons:1", "a"), T0.AddDays(30)));
        Assert.Equal(ItemStatus.Settling, grain.State.Status);
        var refused = Assert.IsType<ReservationRefused>(await Send(grain, new ReservationRequested("dragons:1", "b", "0xb", T0.AddDays(31)), T0.AddDays(30)));
        Assert.Equal("the item is paid for by an order being settled", refused.Reason);
        Assert.IsType<ReservationRefused>(await Send(grain, new ReservationRequested("dragons:1", "a", "0xa", T0.AddDays(31)), T0.AddDays(30)));
        Assert.Equal(ItemStatus.Settling, grain.State.Status);

        // Another order's release changes nothing; the plan's default frees the item, and b can have it.
        await Send(grain, new ReservationReleased("dragons:1", "b", "cancelled"), T0.AddDays(30));
        Assert.Equal(ItemStatus.Settling, grain.State.Status);
        await Send(grain, new ReservationReleased("dragons:1", "a", "the plan defaulted"), T0.AddDays(30));
        Assert.Equal((ItemStatus.Available, (Reservation?)null), (grain.State.Status, grain.State.Reservation));
        Assert.IsType<ItemReserved>(await Send(grain, new ReservationRequested("dragons:1", "b", "0xb", T0.AddDays(31)), T0.AddDays(30)));
    }

    [Fact]
    public async Task A_completed_plan_sells_the_held_item_and_a_late_hold_does_not_undo_the_sale()
    {
        var grain = Listed();
        await Send(grain, new ItemPaidFor("dragons:1", "a", "0xa", Wallet), T0);
        await Send(grain, new ItemSold("dragons:1", "a", Wallet, Minted: true), T0.AddMinutes(3));
        Assert.Equal((ItemStatus.Minted, Wallet, (Reservation?)null), (grain.State.Status, grain.State.Owner, grain.State.Reservation));
        Assert.Null(await Send(grain, new ItemPaidFor("dragons:1", "a", "0xa", Wallet), T0.AddMinutes(4)));
        Assert.Equal(ItemStatus.Minted, grain.State.Status);
    }

    [Fact]
    public async Task The_order_holding_an_item_another_order_paid_for_or_bought_is_told()
    {
        // a's hold ran out while its buyer's transaction was on its way; b reserved the item; then a's purchase is confirmed.
        var paidFor = Listed();
        await Send(paidFor, new ReservationRequested("dragons:1", "b", "0xb", T0.AddMinutes(15)), T0);
        var toldB = Assert.IsType<ReservationRefused>(await Send(paidFor, new ItemPaidFor("dragons:1", "a", "0xa", Wallet), T0.AddMinutes(1)));
        Assert.Equal(new ReservationRefused("b", "dragons:1", "the item was paid for by another order"), toldB);
        Assert.Equal("a", paidFor.State.Reservation!.OrderId);

        var sold = Listed();
        await Send(sold, new ReservationRequested("dragons:1", "b", "0xb", T0.AddMinutes(15)), T0);
        Assert.Equal("b", Assert.IsType<ReservationRefused>(await Send(sold, new ItemSold("dragons:1", "a", Wallet, Minted: true), T0.AddMinutes(1))).OrderId);

        // The holder's own sale tells nobody, and neither does a sale after a hold that already ran out.
        var own = Listed();
        await Send(own, new ReservationRequested("dragons:1", "b", "0xb", T0.AddMinutes(15)), T0);
        Assert.Null(await Send(own, new ItemSold("dragons:1", "b", Wallet, Minted: true), T0.AddMinutes(1)));
        var lapsed = Listed();
        await Send(lapsed, new ReservationRequested("dragons:1", "b", "0xb", T0.AddMinutes(15)), T0);
        Assert.Null(await Send(lapsed, new ItemSold("dragons:1", "a", Wallet, Minted: true), T0.AddMinutes(16)));
    }

    private const string Wallet = "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    private static NftItemGrain Listed()
    {
        var grain = new NftItemGrain();
        ((IGrainActivation)grain).Activate("dragons:1", null, 0);
        ((IGrainActivation)grain).Restore(grain.State with { Listed = true, Collection = "dragons", TokenId = "1", Supply = 1, Edition = 1 });
        return grain;
    }

    private static async Task<IEvent?> Send(NftItemGrain grain, IEvent payload, DateTimeOffset at)
    {
        var envelope = EventEnvelope.Create("dragons:1", payload, at);
        var context = new GrainContext(grain.Key, at, envelope, NftItemGrain.Definition);
        await ((IGrainActivation)grain).ReceiveAsync(context, envelope);
        return context.Emitted.Count == 0 ? null : EnvelopeSerializer.Deserialize(context.Emitted.Single().Value).Payload;
    }
}
