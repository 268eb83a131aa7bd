using Commerce.Actors.NftItem;
using Commerce.Actors.Runtime;
using Commerce.Actors.Tests.Harness;
using Commerce.Events;
using Commerce.Events.Items;
using Commerce.Events.Orders;
using Commerce.Events.Topics;

namespace Commerce.Actors.Tests;

/// <summary>The item grain's holds for orders, called as orders call it, in Orleans' test cluster.</summary>
public sealed class ReservationTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private static readonly DateTimeOffset T0 = GrainClusterFixture.T0;
    private const string Wallet = "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    private GrainCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Two_orders_racing_for_a_unique_item_get_exactly_one_reservation()
    {
        var item = await ListedAsync();
        var until = T0.AddMinutes(10);
        Cluster.Clock.Set(T0);
        var answers = await Task.WhenAll(
            item.ReserveAsync(new ReservationRequested(item.GetPrimaryKeyString(), "order-a", "0xa", until)),
            item.ReserveAsync(new ReservationRequested(item.GetPrimaryKeyString(), "order-b", "0xb", until)));

        var payloads = answers.Select(a => Assert.Single(a.Events).Payload).ToList();
        var reserved = Assert.Single(payloads.OfType<ItemReserved>());
        var refused = Assert.Single(payloads.OfType<ReservationRefused>());
        Assert.NotEqual(reserved.OrderId, refused.OrderId);
        Assert.Equal("the item is reserved by another order", refused.Reason);
        Assert.Equal(reserved.OrderId, (await StateAsync(item)).Reservation!.OrderId);
    }

    [Fact]
    public async Task A_reservation_expires_on_the_clock_and_a_release_frees_the_item()
    {
        var item = await ListedAsync();
        var id = item.GetPrimaryKeyString();
        Assert.IsType<ItemReserved>(await SendAsync(item.ReserveAsync, new ReservationRequested(id, "a", "0xa", T0.AddMinutes(5)), T0));
        Assert.IsType<ReservationRefused>(await SendAsync(item.ReserveAsync, new ReservationRequested(id, "b", "0xb", T0.AddMinutes(15)), T0.AddMinutes(4)));
        var again = Assert.IsType<ItemReserved>(await SendAsync(item.ReserveAsync, new ReservationRequested(id, "a", "0xa", T0.AddMinutes(9)), T0.AddMinutes(1)));
        Assert.Equal(T0.AddMinutes(5), again.ReservedUntil); // a repeated request keeps the original hold

        // After a's hold ran out, b gets the item.
        Assert.IsType<ItemReserved>(await SendAsync(item.ReserveAsync, new ReservationRequested(id, "b", "0xb", T0.AddMinutes(15)), T0.AddMinutes(6)));
        await SendAsync(item.ReleaseAsync, new ReservationReleased(id, "a", "late release of an expired hold"), T0.AddMinutes(7));
        Assert.Equal("b", (await StateAsync(item)).Reservation!.OrderId);
        await SendAsync(item.ReleaseAsync, new ReservationReleased(id, "b", "cancelled"), T0.AddMinutes(8));
        var state = await StateAsync(item);
        Assert.Equal(ItemStatus.Available, state.Status);
        Assert.Null(state.Reservation);
    }

    [Fact]
    public async Task A_reservation_nobody_used_is_freed_by_its_reminder_once_due()
    {
        var item = await ListedAsync();
        var id = item.GetPrimaryKeyString();
        await SendAsync(item.ReserveAsync, new ReservationRequested(id, "order-x", "0xx", T0.AddMinutes(5)), T0);

        // Woken early (by the platform's clock), the reminder leaves the hold alone.
        Cluster.Clock.Set(T0.AddMinutes(4));
        await Cluster.TickAsync<INftItemGrain>(id, "reservation");
        Assert.Equal(ItemStatus.Reserved, (await StateAsync(item)).Status);

        Cluster.Clock.Set(T0.AddMinutes(5));
        await Cluster.TickAsync<INftItemGrain>(id, "reservation");
        var state = await StateAsync(item);
        Assert.Equal(ItemStatus.Available, state.Status);
        Assert.Null(state.Reservation);
    }

    [Fact]
    public async Task The_reminder_message_survives_a_deactivation_because_it_is_stored_with_the_state()
    {
        var item = await ListedAsync();
        var id = item.GetPrimaryKeyString();
        await SendAsync(item.ReserveAsync, new ReservationRequested(id, "order-y", "0xy", T0.AddMinutes(5)), T0);
        await Cluster.DeactivateAsync<INftItemGrain>(id);

        Cluster.Clock.Set(T0.AddMinutes(6));
        await Cluster.TickAsync<INftItemGrain>(id, "reservation");
        Assert.Equal(ItemStatus.Available, (await StateAsync(item)).Status);
    }

    [Fact]
    public async Task Unlisted_and_sold_items_are_refused()
    {
        var unlisted = Cluster.Grains.GetGrain<INftItemGrain>($"dragons:{Guid.NewGuid():N}");
        var refused = Assert.IsType<ReservationRefused>(await SendAsync(unlisted.ReserveAsync,
            new ReservationRequested(unlisted.GetPrimaryKeyString(), "a", "0xa", T0.AddMinutes(5)), T0));
        Assert.Equal("the item is not listed", refused.Reason);

        var sold = await ListedAsync();
        var id = sold.GetPrimaryKeyString();
        await SendAsync(sold.SellAsync, new ItemSold(id, "z", Wallet, Minted: true), T0);
        Assert.Equal("the item is sold", Assert.IsType<ReservationRefused>(
            await SendAsync(sold.ReserveAsync, new ReservationRequested(id, "a", "0xa", T0.AddMinutes(5)), T0)).Reason);
    }

    [Fact]
    public async Task An_item_paid_for_is_held_for_its_order_without_expiry_and_a_release_frees_it()
    {
        var item = await ListedAsync();
        var id = item.GetPrimaryKeyString();
        await SendAsync(item.ReserveAsync, new ReservationRequested(id, "a", "0xa", T0.AddMinutes(5)), T0);
        Assert.Null(await SendAsync(item.HoldPaidForAsync, new ItemPaidFor(id, "a", "0xa", Wallet), T0.AddMinutes(1)));
        var state = await StateAsync(item);
        Assert.Equal((ItemStatus.Settling, "a"), (state.Status, state.Reservation!.OrderId));

        // The reservation's reminder, long after its time, no longer frees it; nor does another order get it.
        Cluster.Clock.Set(T0.AddDays(30));
        await Cluster.TickAsync<INftItemGrain>(id, "reservation");
        Assert.Equal(ItemStatus.Settling, (await StateAsync(item)).Status);
        var refused = Assert.IsType<ReservationRefused>(await SendAsync(item.ReserveAsync, new ReservationRequested(id, "b", "0xb", T0.AddDays(31)), T0.AddDays(30)));
        Assert.Equal("the item is paid for by an order being settled", refused.Reason);
        Assert.IsType<ReservationRefused>(await SendAsync(item.ReserveAsync, new ReservationRequested(id, "a", "0xa", T0.AddDays(31)), T0.AddDays(30)));
        Assert.Equal(ItemStatus.Settling, (await StateAsync(item)).Status);

        // Another order's release changes nothing; the plan's default frees the item, and b can have it.
        await SendAsync(item.ReleaseAsync, new ReservationReleased(id, "b", "cancelled"), T0.AddDays(30));
        Assert.Equal(ItemStatus.Settling, (await StateAsync(item)).Status);
        await SendAsync(item.ReleaseAsync, new ReservationReleased(id, "a", "the plan defaulted"), T0.AddDays(30));
        state = await StateAsync(item);
        Assert.Equal((ItemStatus.Available, (Reservation?)null), (state.Status, state.Reservation));
        Assert.IsType<ItemReserved>(await SendAsync(item.ReserveAsync, new ReservationRequested(id, "b", "0xb", T0.AddDays(31)), T0.AddDays(30)));
    }

    [Fact]
    public async Task A_completed_plan_sells_the_held_item_and_a_late_hold_does_not_undo_the_sale()
    {
        var item = await ListedAsync();
        var id = item.GetPrimaryKeyString();
        await SendAsync(item.HoldPaidForAsync, new ItemPaidFor(id, "a", "0xa", Wallet), T0);
        await SendAsync(item.SellAsync, new ItemSold(id, "a", Wallet, Minted: true), T0.AddMinutes(3));
        var state = await StateAsync(item);
        Assert.Equal((ItemStatus.Minted, Wallet, (Reservation?)null), (state.Status, state.Owner, state.Reservation));
        Assert.Null(await SendAsync(item.HoldPaidForAsync, new ItemPaidFor(id, "a", "0xa", Wallet), T0.AddMinutes(4)));
        Assert.Equal(ItemStatus.Minted, (await StateAsync(item)).Status);
    }

    [Fact]
    public async Task Sales_holds_and_releases_are_published_for_pricing_and_the_marketplaces_once_each()
    {
        var item = await ListedAsync();
        var id = item.GetPrimaryKeyString();
        await Cluster.ClearPublishedAsync();
        await SendAsync(item.HoldPaidForAsync, new ItemPaidFor(id, "a", "0xa", Wallet), T0);
        await SendAsync(item.HoldPaidForAsync, new ItemPaidFor(id, "a", "0xa", Wallet), T0);
        await SendAsync(item.SellAsync, new ItemSold(id, "a", Wallet, Minted: true), T0);
        await SendAsync(item.SellAsync, new ItemSold(id, "a", Wallet, Minted: true), T0);

        Assert.Equal<IEvent>([new ItemPaidFor(id, "a", "0xa", Wallet), new ItemSold(id, "a", Wallet, Minted: true)],
            await Cluster.PublishedAsync(TopicCatalog.ItemEvents));
    }

    [Fact]
    public async Task The_order_holding_an_item_another_order_paid_for_or_bought_is_told()
    {
        // a's hold ran out while its buyer's transaction was on its way; b reserved the item; then a's purchase is confirmed.
        var paidFor = await ListedAsync();
        var id = paidFor.GetPrimaryKeyString();
        await SendAsync(paidFor.ReserveAsync, new ReservationRequested(id, "b", "0xb", T0.AddMinutes(15)), T0);
        var toldB = Assert.IsType<ReservationRefused>(await SendAsync(paidFor.HoldPaidForAsync, new ItemPaidFor(id, "a", "0xa", Wallet), T0.AddMinutes(1)));
        Assert.Equal(new ReservationRefused("b", id, "the item was paid for by another order"), toldB);
        Assert.Equal("a", (await StateAsync(paidFor)).Reservation!.OrderId);

        var sold = await ListedAsync();
        var soldId = sold.GetPrimaryKeyString();
        await SendAsync(sold.ReserveAsync, new ReservationRequested(soldId, "b", "0xb", T0.AddMinutes(15)), T0);
        Assert.Equal("b", Assert.IsType<ReservationRefused>(await SendAsync(sold.SellAsync, new ItemSold(soldId, "a", Wallet, Minted: true), T0.AddMinutes(1))).OrderId);

        // The holder's own sale tells nobody, and neither does a sale after a hold that already ran out.
        var own = await ListedAsync();
        await SendAsync(own.ReserveAsync, new ReservationRequested(own.GetPrimaryKeyString(), "b", "0xb", T0.AddMinutes(15)), T0);
        Assert.Null(await SendAsync(own.SellAsync, new ItemSold(own.GetPrimaryKeyString(), "b", Wallet, Minted: true), T0.AddMinutes(1)));
        var lapsed = await ListedAsync();
        await SendAsync(lapsed.ReserveAsync, new ReservationRequested(lapsed.GetPrimaryKeyString(), "b", "0xb", T0.AddMinutes(15)), T0);
        Assert.Null(await SendAsync(lapsed.SellAsync, new ItemSold(lapsed.GetPrimaryKeyString(), "a", Wallet, Minted: true), T0.AddMinutes(16)));
    }

    /// <summary>A unique item listed through the ingress, as the catalog lists it.</summary>
    private async Task<INftItemGrain> ListedAsync()
    {
        var id = $"dragons:{Guid.NewGuid():N}";
        await Cluster.ApplyAsync<INftItemGrain>(id, new ItemListed(id, "dragons", id[8..], "legendary", 1, 1, 2.5m, "ETH", null), T0);
        return Cluster.Grains.GetGrain<INftItemGrain>(id);
    }

    private async Task<NftItemState> StateAsync(INftItemGrain item) =>
        await Cluster.StateAsync<NftItemState>(NftItemGrain.TypeName, item.GetPrimaryKeyString())
        ?? throw new InvalidOperationException($"{item.GetPrimaryKeyString()} was never stored");

    /// <summary>Calls the item at <paramref name="at"/> on the platform's clock; returns its one answer, if any.</summary>
    private async Task<IEvent?> SendAsync<T>(Func<T, Task<Replies>> call, T message, DateTimeOffset at)
    {
        Cluster.Clock.Set(at);
        var replies = await call(message);
        return replies.Events.Count == 0 ? null : Assert.Single(replies.Events).Payload;
    }
}
