using System.Numerics;
using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Events.Orders;
using Commerce.Host.Reconcile;

namespace Commerce.Host.Tests.Reconcile;

/// <summary>The comparison behind <c>commerce reconcile</c>, one disagreement at a time (docs/ORDERS.md, "Reconciliation").</summary>
public sealed class ReconcilerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private const string Wallet = "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string Other = "0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private const string Checkout = "0xcccccccccccccccccccccccccccccccccccccccc";
    private const string OrderId = "0x1111111111111111111111111111111111111111111111111111111111111111";

    public static TheoryData<string, string, PurchaseStatus, string?, string?> Cases => new()
    {
        // order status, payment kind, chain purchase status, owner on chain, expected mismatch kind (null: they agree)
        { OrderStatus.Completed, "eth", PurchaseStatus.Completed, Wallet, null },
        { OrderStatus.Completed, "eth", PurchaseStatus.None, Wallet, MismatchKinds.Status },
        { OrderStatus.Completed, "eth", PurchaseStatus.Completed, Other, MismatchKinds.Owner },
        { OrderStatus.Cancelled, "eth", PurchaseStatus.None, null, null },
        { OrderStatus.Cancelled, "eth", PurchaseStatus.Completed, Wallet, MismatchKinds.Status },
        { OrderStatus.Refunded, "eth", PurchaseStatus.Refunded, Wallet, null },
        { OrderStatus.Refunded, "eth", PurchaseStatus.Completed, Wallet, MismatchKinds.Status },
        { OrderStatus.PlanActive, "installments", PurchaseStatus.Active, Checkout, null },
        { OrderStatus.PlanActive, "installments", PurchaseStatus.Completed, Checkout, MismatchKinds.Status },
        { OrderStatus.Defaulted, "installments", PurchaseStatus.Defaulted, Checkout, null },
        { OrderStatus.Defaulted, "installments", PurchaseStatus.Active, Checkout, MismatchKinds.Status },
        { OrderStatus.Completed, Reconciler.Custodial, PurchaseStatus.None, Wallet, null },
        { OrderStatus.Completed, Reconciler.Custodial, PurchaseStatus.None, null, MismatchKinds.Owner },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_order_status_is_compared_with_the_purchase_and_the_owner_on_chain(string status, string kind, PurchaseStatus onChain, string? owner, string? expected)
    {
        var order = Order(status, kind);
        var chain = new Dictionary<string, ChainOrder> { [OrderId] = new(OrderId, Purchase(onChain, Wallet), owner) };
        var found = Reconciler.Compare([order], null, chain, [], Checkout, Now, TimeSpan.FromMinutes(1));
        Assert.Equal(expected is null ? [] : [expected], found.Select(m => m.Kind));
    }

    [Fact]
    public void A_purchase_by_another_wallet_and_a_purchase_of_no_order_are_reported()
    {
        var chain = new Dictionary<string, ChainOrder> { [OrderId] = new(OrderId, Purchase(PurchaseStatus.Completed, Other), Wallet) };
        var stray = "0x" + new string('9', 64);
        var found = Reconciler.Compare([Order(OrderStatus.Completed, "eth")], null, chain, [OrderId, stray], Checkout, Now, TimeSpan.FromMinutes(1));
        Assert.Equal([(OrderId, MismatchKinds.Buyer), (stray, MismatchKinds.UnknownPurchase)], found.Select(m => (m.OrderId, m.Kind)));
    }

    [Fact]
    public void A_payment_still_settling_is_not_a_mismatch_until_the_slack_passed()
    {
        var order = Order(OrderStatus.Reserved, "eth") with { ReservedUntil = Now.AddMinutes(5) };
        var purchase = Purchase(PurchaseStatus.Completed, Wallet) with { StartedAt = (ulong)Now.AddSeconds(-10).ToUnixTimeSeconds() };
        var chain = new Dictionary<string, ChainOrder> { [OrderId] = new(OrderId, purchase, Wallet) };
        Assert.Empty(Reconciler.Compare([order], null, chain, null, Checkout, Now, TimeSpan.FromMinutes(1)));
        Assert.Equal([MismatchKinds.Status], Reconciler.Compare([order], null, chain, null, Checkout, Now.AddMinutes(2), TimeSpan.FromMinutes(1)).Select(m => m.Kind));
    }

    [Fact]
    public void Orders_past_their_hold_or_their_installment_deadline_are_stale()
    {
        var held = Order(OrderStatus.Reserved, "eth") with { ReservedUntil = Now.AddMinutes(-5) };
        var plan = Order(OrderStatus.PlanActive, "installments") with
        {
            OrderId = "0x" + new string('2', 64),
            Plan = new InstallmentPlan(3, 2, Now.AddMinutes(-2).ToUnixTimeSeconds(), 60, 0, null),
        };
        var fresh = Order(OrderStatus.Reserved, "eth") with { OrderId = "0x" + new string('3', 64), ReservedUntil = Now.AddMinutes(5) };
        var found = Reconciler.Compare([held, plan, fresh], null, null, null, Checkout, Now, TimeSpan.FromMinutes(1));
        Assert.Equal([(held.OrderId, MismatchKinds.Stale), (plan.OrderId, MismatchKinds.Stale)], found.Select(m => (m.OrderId, m.Kind)));
    }

    [Fact]
    public void The_topic_and_the_database_are_compared_both_ways()
    {
        var applied = Order(OrderStatus.Completed, "eth") with
        {
            Payments = [new OrderPayment("Purchased", "1000", "1000", "0xtx1", 0, 10, true, false, Now)],
        };
        var missing = "0x" + new string('4', 64);
        var notOnTopic = Order(OrderStatus.Reserved, "eth") with { OrderId = "0x" + new string('5', 64), ReservedUntil = Now.AddMinutes(5) };
        var topic = new Dictionary<string, TopicOrder>
        {
            [OrderId] = new(OrderId, true, [("Purchased", "0xtx1"), ("Refunded", "0xtx2")]),
            [missing] = new(missing, true, []),
        };
        var found = Reconciler.Compare([applied, notOnTopic], topic, null, null, Checkout, Now, TimeSpan.FromMinutes(1));
        Assert.Equal(
            [(notOnTopic.OrderId, MismatchKinds.NotOnTopic), (OrderId, MismatchKinds.PaymentNotApplied), (missing, MismatchKinds.NotApplied)],
            found.Select(m => (m.OrderId, m.Kind)));
    }

    [Fact]
    public void An_empty_topic_is_not_compared()
    {
        var found = Reconciler.Compare([Order(OrderStatus.Completed, "eth")], new Dictionary<string, TopicOrder>(), null, null, Checkout, Now, TimeSpan.FromMinutes(1));
        Assert.Empty(found);
    }

    public static TheoryData<string, string, ItemStatus, string?, string?, bool> ItemCases => new()
    {
        // order status, payment kind, item status, the order holding it, item owner, expected an item mismatch
        { OrderStatus.PlanActive, "installments", ItemStatus.Settling, OrderId, null, false },
        { OrderStatus.PlanActive, "installments", ItemStatus.Available, null, null, true },       // the hold ran out during the plan
        { OrderStatus.PlanActive, "installments", ItemStatus.Settling, OtherOrder, null, true },  // another order's
        { OrderStatus.Delivering, Reconciler.Custodial, ItemStatus.Settling, OrderId, null, false },
        { OrderStatus.Paid, Reconciler.Custodial, ItemStatus.Reserved, OrderId, null, true },    // still a reservation that can run out
        { OrderStatus.Completed, "eth", ItemStatus.Minted, null, Wallet, false },
        { OrderStatus.Completed, "eth", ItemStatus.Minted, null, Other, true },
        { OrderStatus.Completed, "eth", ItemStatus.Settling, OrderId, null, true },               // the sale never reached the item
        { OrderStatus.Defaulted, "installments", ItemStatus.Available, null, null, false },
        { OrderStatus.Defaulted, "installments", ItemStatus.Settling, OrderId, null, true },      // the release never reached the item
        { OrderStatus.Cancelled, "eth", ItemStatus.Reserved, OtherOrder, null, false },
        { OrderStatus.Refunded, Reconciler.Custodial, ItemStatus.Settling, OrderId, null, true },
    };

    [Theory]
    [MemberData(nameof(ItemCases))]
    public void The_order_is_compared_with_its_item_grain_once_it_had_the_slack_to_reach_it(string status, string kind, ItemStatus itemStatus,
        string? holder, string? owner, bool expected)
    {
        var order = Order(status, kind) with { UpdatedAt = Now.AddMinutes(-2) };
        var item = NftItemState.New("dragons:1") with
        {
            Listed = true,
            Status = itemStatus,
            Owner = owner,
            Reservation = holder is null ? null : new Reservation(holder, Wallet, itemStatus == ItemStatus.Settling ? DateTimeOffset.MaxValue : Now.AddMinutes(5)),
        };
        var items = new Dictionary<string, NftItemState> { ["dragons:1"] = item };

        var found = Reconciler.Compare([order], null, null, null, Checkout, Now, TimeSpan.FromMinutes(1), items);
        Assert.Equal(expected ? [MismatchKinds.Item] : [], found.Select(m => m.Kind));
        // Within the slack the item may still be catching up: nothing is reported.
        Assert.Empty(Reconciler.Compare([order with { UpdatedAt = Now.AddSeconds(-30) }], null, null, null, Checkout, Now, TimeSpan.FromMinutes(1), items));
    }

    [Fact]
    public void An_order_whose_item_has_no_state_is_reported()
    {
        var order = Order(OrderStatus.Reserved, "eth") with { UpdatedAt = Now.AddMinutes(-2), ReservedUntil = Now.AddMinutes(5) };
        var found = Reconciler.Compare([order], null, null, null, Checkout, Now, TimeSpan.FromMinutes(1), new Dictionary<string, NftItemState>());
        Assert.Contains("has no state", Assert.Single(found, m => m.Kind == MismatchKinds.Item).Detail);
    }

    private const string OtherOrder = "0x2222222222222222222222222222222222222222222222222222222222222222";

    private static OrderState Order(string status, string kind) => OrderState.New(OrderId) with
    {
        PlayerId = Wallet,
        Wallet = Wallet,
        ItemId = "dragons:1",
        Quote = new OrderQuote("0xdddddddddddddddddddddddddddddddddddddddd", "1", Wallet, "0x0000000000000000000000000000000000000000", "1000",
            kind == "installments" ? 3 : 1, Now.AddMinutes(10).ToUnixTimeSeconds(), OrderId),
        PaymentKind = kind,
        Status = status,
        Terminal = OrderStatus.IsTerminal(status),
    };

    private static CheckoutPurchase Purchase(PurchaseStatus status, string buyer) => new(
        EthAddress.Parse(buyer, "buyer"), (ulong)Now.AddHours(-1).ToUnixTimeSeconds(), 1, 1, EthAddress.Parse("0xdddddddddddddddddddddddddddddddddddddddd", "collection"),
        status, EthAddress.Zero, BigInteger.One, 1000, 1000);
}
