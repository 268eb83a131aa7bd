using Commerce.Actors.NftItem;
using Commerce.Actors.Tests.Harness;
using Commerce.Events;
using Commerce.Events.Items;
using Commerce.Events.Orders;
using Commerce.Events.Topics;

namespace Commerce.Actors.Tests;

/// <summary>Operators delist and edit an item through its grain: refused while held, audited, published, and for good.</summary>
public sealed class ItemCatalogChangeTests(GrainClusterFixture fixture) : IClassFixture<GrainClusterFixture>
{
    private static readonly DateTimeOffset T0 = GrainClusterFixture.T0;
    private readonly string _itemId = $"dragons:{Random.Shared.Next(1, int.MaxValue)}";

    private GrainCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_delisted_item_refuses_new_orders_stays_delisted_when_listed_again_and_the_change_is_audited_and_published()
    {
        await ListAsync();

        var delisted = Assert.IsType<ItemDelisted>(await DelistAsync("ops-1", "counterfeit art"));
        var again = Assert.IsType<ItemDelisted>(await DelistAsync("ops-2", "twice"));
        await ListAsync(); // the catalog is listed again on every start
        var refused = Assert.IsType<ReservationRefused>(Assert.Single((await Item.ReserveAsync(
            new ReservationRequested(_itemId, "0xorder", "0xplayer", T0.AddMinutes(10)))).Events).Payload);

        Assert.Equal(new ItemDelisted(_itemId, "ops-1", "counterfeit art"), delisted);
        Assert.Equal("ops-2", again.By);
        Assert.Equal("the item is not listed", refused.Reason);
        var state = await StateAsync();
        Assert.Equal((false, true), (state.Listed, state.Delisted));
        Assert.Equal(new ItemChange(T0, "ops-1", "delisted: counterfeit art"), Assert.Single(state.Changes!));
        Assert.Equal([delisted], (await Cluster.OutboxOfAsync(TopicCatalog.ItemEvents, _itemId)).OfType<ItemDelisted>());
        Assert.Equal("the item is delisted", Assert.IsType<ItemChangeRefused>(await EditAsync("ops-1", 3m, null)).Reason);
    }

    [Fact]
    public async Task An_item_held_by_an_order_or_paid_for_is_not_delisted_and_is_once_the_hold_is_released()
    {
        await ListAsync();
        Assert.IsType<ItemReserved>(Assert.Single((await Item.ReserveAsync(new ReservationRequested(_itemId, "0xorder", "0xplayer", T0.AddMinutes(10)))).Events).Payload);

        var held = Assert.IsType<ItemChangeRefused>(await DelistAsync("ops-1", "why"));
        await Item.HoldPaidForAsync(new ItemPaidFor(_itemId, "0xorder", "0xplayer", "0xplayer"));
        var settling = Assert.IsType<ItemChangeRefused>(await DelistAsync("ops-1", "why"));
        await Item.ReleaseAsync(new ReservationReleased(_itemId, "0xorder", "the plan defaulted"));

        Assert.Contains("held by order 0xorder", held.Reason);
        Assert.Contains("paid for", settling.Reason);
        Assert.IsType<ItemDelisted>(await DelistAsync("ops-1", "why"));
        Assert.True((await StateAsync()).Delisted);
    }

    [Fact]
    public async Task An_unknown_item_is_refused_as_not_listed() =>
        Assert.Equal(NftItemGrain.NotListed, Assert.IsType<ItemChangeRefused>(await DelistAsync("ops-1", "why")).Reason);

    [Fact]
    public async Task An_edit_changes_the_list_price_and_rarity_once_and_a_same_value_edit_audits_nothing()
    {
        await ListAsync();

        Assert.IsType<ItemEdited>(await EditAsync("ops-1", 3.75m, "epic"));
        Assert.IsType<ItemEdited>(await EditAsync("ops-2", 3.75m, null));

        var state = await StateAsync();
        Assert.Equal((3.75m, "epic", true), (state.ListPrice, state.Rarity, state.Listed));
        Assert.Equal(new ItemChange(T0, "ops-1", "listPrice 2.5 -> 3.75, rarity legendary -> epic"), Assert.Single(state.Changes!));
        Assert.Single((await Cluster.OutboxOfAsync(TopicCatalog.ItemEvents, _itemId)).OfType<ItemEdited>());
    }

    private INftItemGrain Item => Cluster.Grains.GetGrain<INftItemGrain>(_itemId);

    private async Task ListAsync()
    {
        Cluster.Clock.Set(T0);
        await Cluster.ApplyAsync<INftItemGrain>(_itemId, new ItemListed(_itemId, "dragons", _itemId[8..], "legendary", 1, 1, 2.5m, "ETH", null), T0);
    }

    private async Task<IEvent> DelistAsync(string by, string reason) =>
        Assert.Single((await Item.DelistAsync(new ItemDelisted(_itemId, by, reason))).Events).Payload;

    private async Task<IEvent> EditAsync(string by, decimal? price, string? rarity) =>
        Assert.Single((await Item.EditAsync(new ItemEdited(_itemId, by, price, rarity))).Events).Payload;

    private async Task<NftItemState> StateAsync() =>
        await Cluster.StateAsync<NftItemState>(NftItemGrain.TypeName, _itemId) ?? throw new InvalidOperationException($"item {_itemId} was never stored");
}
