using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Chain.Contracts;

namespace Commerce.Host.Reconcile;

/// <summary>
/// Compares the Order grains' states with their items' grains, the order-events topic and the chain and lists every mismatch
/// (docs/ORDERS.md, "Reconciliation"). A side that was not read (null) is not compared.
/// </summary>
public static class Reconciler
{
    public const string Custodial = "custodial";

    /// <param name="orders">Every order state in the database.</param>
    /// <param name="topic">What the order-events topic carried, by order id; null (or empty) when it was not read or holds nothing.</param>
    /// <param name="chain">The chain's view of each order of <paramref name="orders"/>; null when no chain was read.</param>
    /// <param name="purchasesOnChain">Every purchase id the Checkout logged (0x + 64 lowercase hex); null when not read.</param>
    /// <param name="checkout">The Checkout's address (it holds items in escrow and reclaimed ones).</param>
    /// <param name="now">When the comparison is made (for deadlines).</param>
    /// <param name="slack">How long past a deadline, or after a purchase, an order may take to catch up before it is reported.</param>
    /// <param name="items">Every NftItem grain state, by item id; null when not read.</param>
    public static IReadOnlyList<Mismatch> Compare(
        IReadOnlyList<OrderState> orders,
        IReadOnlyDictionary<string, TopicOrder>? topic,
        IReadOnlyDictionary<string, ChainOrder>? chain,
        IReadOnlyCollection<string>? purchasesOnChain,
        string? checkout,
        DateTimeOffset now,
        TimeSpan slack,
        IReadOnlyDictionary<string, NftItemState>? items = null)
    {
        var mismatches = new List<Mismatch>();
        var placed = orders.Where(o => o.Status != OrderStatus.None).ToList();
        foreach (var order in placed)
        {
            Stale(order, now, slack, mismatches);
            if (chain is not null && chain.TryGetValue(order.OrderId, out var onChain))
                CompareWithChain(order, onChain, placed, checkout, now, slack, mismatches);
            if (items is not null && order.UpdatedAt is { } updated && updated + slack < now)
                CompareWithItem(order, items, now, mismatches);
        }
        if (topic is { Count: > 0 })
            CompareWithTopic(orders, topic, mismatches);
        if (purchasesOnChain is not null)
        {
            var known = placed.Select(o => o.OrderId).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var id in purchasesOnChain.Where(id => !known.Contains(id)).Order(StringComparer.Ordinal))
                mismatches.Add(new Mismatch(id, MismatchKinds.UnknownPurchase, "a purchase on chain, but no order with this id in the database"));
        }
        return mismatches;
    }

    private static void Stale(OrderState order, DateTimeOffset now, TimeSpan slack, List<Mismatch> mismatches)
    {
        if (order.Terminal)
            return;
        if (order.Status is OrderStatus.Placed or OrderStatus.Reserved && order.ReservedUntil is { } until && until + slack < now)
            mismatches.Add(new Mismatch(order.OrderId, MismatchKinds.Stale, $"still {order.Status}, but its hold ended at {until:O}"));
        if (order.Status == OrderStatus.PlanActive && order.Plan?.NextDeadline is { } deadline && DateTimeOffset.FromUnixTimeSeconds(deadline) + slack < now)
            mismatches.Add(new Mismatch(order.OrderId, MismatchKinds.Stale,
                $"still plan-active, but installment {order.Plan.PaymentsMade} was due at {DateTimeOffset.FromUnixTimeSeconds(deadline):O}"));
    }

    private static void CompareWithChain(OrderState order, ChainOrder onChain, List<OrderState> all, string? checkout, DateTimeOffset now, TimeSpan slack,
        List<Mismatch> mismatches)
    {
        var purchase = onChain.Purchase;
        var custodial = order.PaymentKind == Custodial;
        if (!custodial)
        {
            var expected = ExpectedOnChain(order);
            var settling = purchase.Status != PurchaseStatus.None && DateTimeOffset.FromUnixTimeSeconds((long)purchase.StartedAt) + slack >= now;
            if (!expected.Contains(purchase.Status) && !(order.Status is OrderStatus.Placed or OrderStatus.Reserved && settling))
                mismatches.Add(new Mismatch(order.OrderId, MismatchKinds.Status, order.Status switch
                {
                    OrderStatus.Cancelled => $"cancelled in the database, but the purchase on chain is {purchase.Status} (paid {purchase.Paid})",
                    OrderStatus.Completed when purchase.Status == PurchaseStatus.None => "completed in the database, but there is no purchase on chain",
                    _ => $"{order.Status} in the database, but the purchase on chain is {purchase.Status}",
                }));
            if (purchase.Status != PurchaseStatus.None && !string.Equals(purchase.Buyer.ToString(), order.Wallet, StringComparison.OrdinalIgnoreCase))
                mismatches.Add(new Mismatch(order.OrderId, MismatchKinds.Buyer, $"bought on chain by {purchase.Buyer}, the order's wallet is {order.Wallet}"));
        }

        var holder = order.Status switch
        {
            OrderStatus.Completed => order.Wallet,
            OrderStatus.PlanActive when !custodial => checkout,
            // Reclaimed by the Checkout, unless another order of the same item completed since.
            OrderStatus.Defaulted when !all.Any(o => o.ItemId == order.ItemId && o.Status == OrderStatus.Completed && o.OrderId != order.OrderId) => checkout,
            _ => null,
        };
        if (holder is not null && !string.Equals(onChain.Owner, holder, StringComparison.OrdinalIgnoreCase))
            mismatches.Add(new Mismatch(order.OrderId, MismatchKinds.Owner,
                $"{order.Status}: item {order.ItemId} (token {order.Quote?.TokenId}) should be held by {holder}, the chain says {onChain.Owner ?? "it does not exist"}"));
    }

    /// <summary>
    /// The item grain's view of an order that has had the slack to reach it: an order that paid for the item
    /// (plan-active; custodial paid or delivering) holds it (Settling); a completed one sold it to its wallet; an order
    /// that ended otherwise holds it no more (an expired reservation is no hold).
    /// </summary>
    private static void CompareWithItem(OrderState order, IReadOnlyDictionary<string, NftItemState> items, DateTimeOffset now, List<Mismatch> mismatches)
    {
        if (order.ItemId is null)
            return;
        if (!items.TryGetValue(order.ItemId, out var item))
        {
            mismatches.Add(new Mismatch(order.OrderId, MismatchKinds.Item, $"{order.Status}: item {order.ItemId} has no state in the database"));
            return;
        }
        var heldByThis = item.Reservation?.OrderId == order.OrderId
            && (item.Status == ItemStatus.Settling || item.Status == ItemStatus.Reserved && item.Reservation.Until > now);
        var problem = order.Status switch
        {
            OrderStatus.PlanActive or OrderStatus.Paid or OrderStatus.Delivering when !(heldByThis && item.Status == ItemStatus.Settling) =>
                $"{order.Status}: item {order.ItemId} should be held for this order until it settles, the item grain says {Describe(item)}",
            OrderStatus.Completed when item.Status is not (ItemStatus.Sold or ItemStatus.Minted)
                                       || !string.Equals(item.Owner, order.Wallet, StringComparison.OrdinalIgnoreCase) =>
                $"completed: item {order.ItemId} should be sold to {order.Wallet}, the item grain says {Describe(item)}",
            OrderStatus.Cancelled or OrderStatus.Defaulted or OrderStatus.Refunded when heldByThis =>
                $"{order.Status}: item {order.ItemId} is still held for this order ({Describe(item)})",
            _ => null,
        };
        if (problem is not null)
            mismatches.Add(new Mismatch(order.OrderId, MismatchKinds.Item, problem));
    }

    private static string Describe(NftItemState item) =>
        $"{item.Status}{(item.Reservation is { } r ? $", held for order {r.OrderId}" : "")}{(item.Owner is { } owner ? $", owner {owner}" : "")}";

    /// <summary>The Checkout purchase states that agree with the order's status.</summary>
    private static PurchaseStatus[] ExpectedOnChain(OrderState order) => order.Status switch
    {
        OrderStatus.Placed or OrderStatus.Reserved or OrderStatus.Cancelled => [PurchaseStatus.None],
        OrderStatus.PlanActive => [PurchaseStatus.Active],
        OrderStatus.Completed => [PurchaseStatus.Completed],
        OrderStatus.Defaulted => [PurchaseStatus.Defaulted],
        OrderStatus.Refunded => [PurchaseStatus.Refunded],
        _ => [],
    };

    private static void CompareWithTopic(IReadOnlyList<OrderState> orders, IReadOnlyDictionary<string, TopicOrder> topic, List<Mismatch> mismatches)
    {
        var byId = orders.ToDictionary(o => o.OrderId, StringComparer.OrdinalIgnoreCase);
        foreach (var order in orders.Where(o => o.Status != OrderStatus.None))
        {
            if (!topic.TryGetValue(order.OrderId, out var carried) || !carried.Placed)
                mismatches.Add(new Mismatch(order.OrderId, MismatchKinds.NotOnTopic, $"{order.Status} in the database, but the order-events topic never carried its OrderPlaced"));
        }
        foreach (var carried in topic.Values.OrderBy(t => t.OrderId, StringComparer.Ordinal))
        {
            if (!byId.TryGetValue(carried.OrderId, out var order) || order.Status == OrderStatus.None)
            {
                if (carried.Placed)
                    mismatches.Add(new Mismatch(carried.OrderId, MismatchKinds.NotApplied, "placed on the order-events topic, but not in the database"));
                continue;
            }
            foreach (var (kind, tx) in carried.ConfirmedPayments)
            {
                if (!order.Payments.Any(p => p.Confirmed && !p.Reorged && p.Kind == kind && string.Equals(p.TransactionHash, tx, StringComparison.OrdinalIgnoreCase)))
                    mismatches.Add(new Mismatch(order.OrderId, MismatchKinds.PaymentNotApplied, $"a confirmed {kind} in {tx} is on the topic, but not in the order's state"));
            }
        }
    }
}
