namespace Commerce.Host.Reconcile;

/// <summary>The kinds of mismatch <c>commerce reconcile</c> reports (docs/ORDERS.md, "Reconciliation").</summary>
public static class MismatchKinds
{
    /// <summary>The order's status and the Checkout's purchase status disagree (e.g. completed but no purchase, cancelled but paid).</summary>
    public const string Status = "status";

    /// <summary>The purchase on chain was made by another wallet than the order's.</summary>
    public const string Buyer = "buyer";

    /// <summary>The item's owner on chain is not who the order says holds it (the buyer, or the Checkout while a plan runs).</summary>
    public const string Owner = "owner";

    /// <summary>A purchase on chain for an order id the database does not know.</summary>
    public const string UnknownPurchase = "unknown-purchase";

    /// <summary>An order that is not terminal although its deadline (hold or installment) passed.</summary>
    public const string Stale = "stale";

    /// <summary>An order placed on the topic that the database does not hold.</summary>
    public const string NotApplied = "not-applied";

    /// <summary>A confirmed payment on the topic that the order's state does not hold.</summary>
    public const string PaymentNotApplied = "payment-not-applied";

    /// <summary>An order in the database that the topic never carried.</summary>
    public const string NotOnTopic = "not-on-topic";

    /// <summary>
    /// The NftItem grain disagrees with the order: not held for an order that paid for it (plan, custodial mint), not
    /// sold to the buyer of a completed order, or still held by an order that ended without buying it.
    /// </summary>
    public const string Item = "item";
}
