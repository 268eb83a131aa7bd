using System.Globalization;
using System.Numerics;
using Commerce.Chain.Contracts;
using Commerce.Chain.Hex;
using Commerce.Events.Orders;
using Commerce.Chain.Abi;
using Commerce.Chain.Contracts.Messages;

namespace Commerce.Payments.Watcher;

/// <summary>
/// Checkout events as <see cref="PaymentObserved"/> (unconfirmed): order id = purchase id as 0x + 64
/// lowercase hex; amounts as decimal strings ("0" for an event that carries none); a deadline of 0
/// (none left) as null. RefundCredited (a refund its recipient refused, credited in the Checkout) is about its
/// order, with the currency; OwedPaid (a credit paid out) is about no order: an empty order id, the account as buyer,
/// the currency and where it went (<see cref="IsOwedPaid"/>: reported to the player, not to an order). Events that are
/// about neither (Withdrawn, QuoteSignerChanged, ItemReleased) map to null.
/// </summary>
public static class PaymentMapping
{
    public const string Purchased = "Purchased";
    public const string InstallmentPaid = "InstallmentPaid";
    public const string PlanCompleted = "PlanCompleted";
    public const string PlanDefaulted = "PlanDefaulted";
    public const string Refunded = "Refunded";
    public const string RefundCredited = "RefundCredited";
    public const string OwedPaid = "OwedPaid";

    /// <summary>The topic0 of the events the watcher asks the node for.</summary>
    public static IReadOnlyList<byte[]> Topics { get; } =
    [
        TypedEvent<CheckoutEvents.Purchased>.Topic0, TypedEvent<CheckoutEvents.InstallmentPaid>.Topic0, TypedEvent<CheckoutEvents.PlanCompleted>.Topic0,
        TypedEvent<CheckoutEvents.PlanDefaulted>.Topic0, TypedEvent<CheckoutEvents.Refunded>.Topic0,
        TypedEvent<CheckoutEvents.RefundCredited>.Topic0, TypedEvent<CheckoutEvents.OwedPaid>.Topic0,
    ];

    /// <summary>An OwedPaid: about the credited account, not about an order.</summary>
    public static bool IsOwedPaid(PaymentObserved observation) => observation.Kind == OwedPaid;

    public static string OrderId(byte[] purchaseId) =>
        purchaseId.Length == 32 ? HexString.Encode(purchaseId) : throw new ArgumentException($"a purchase id is 32 bytes, got {purchaseId.Length}", nameof(purchaseId));

    public static PaymentObserved? Map(CheckoutEvent checkoutEvent)
    {
        ArgumentNullException.ThrowIfNull(checkoutEvent);
        return checkoutEvent switch
        {
            CheckoutPurchased e => Observed(e, e.PurchaseId, Purchased, e.Buyer.ToString(), e.AmountPaid, e.AmountPaid, e.NextDeadline),
            CheckoutInstallmentPaid e => Observed(e, e.PurchaseId, InstallmentPaid, e.Buyer.ToString(), e.Amount, e.TotalPaid, e.NextDeadline),
            CheckoutPlanCompleted e => Observed(e, e.PurchaseId, PlanCompleted, e.Buyer.ToString(), BigInteger.Zero, BigInteger.Zero, 0),
            CheckoutPlanDefaulted e => Observed(e, e.PurchaseId, PlanDefaulted, e.Buyer.ToString(), e.Refund, BigInteger.Zero, 0),
            CheckoutRefunded e => Observed(e, e.PurchaseId, Refunded, e.Buyer.ToString(), e.Amount, BigInteger.Zero, 0),
            CheckoutRefundCredited e => Observed(e, e.PurchaseId, RefundCredited, e.Account.ToString(), e.Amount, BigInteger.Zero, 0)
                with { Currency = e.Currency.ToString() },
            CheckoutOwedPaid e => Observed(e, null, OwedPaid, e.Account.ToString(), e.Amount, BigInteger.Zero, 0)
                with { Currency = e.Currency.ToString(), PaidTo = e.To.ToString() },
            _ => null,
        };
    }

    private static PaymentObserved Observed(CheckoutEvent e, byte[]? purchaseId, string kind, string buyer, BigInteger amount, BigInteger totalPaid, ulong nextDeadline)
    {
        var log = e.Log;
        return new PaymentObserved(
            purchaseId is null ? "" : OrderId(purchaseId), kind, buyer,
            amount.ToString(CultureInfo.InvariantCulture), totalPaid.ToString(CultureInfo.InvariantCulture),
            nextDeadline == 0 ? null : checked((long)nextDeadline),
            (log.TransactionHash ?? throw Missing("transactionHash")).ToLowerInvariant(),
            checked((int)(log.LogIndex ?? throw Missing("logIndex"))),
            checked((long)(log.BlockNumber ?? throw Missing("blockNumber"))),
            (log.BlockHash ?? throw Missing("blockHash")).ToLowerInvariant(),
            Confirmed: false, Reorged: false);
    }

    private static InvalidOperationException Missing(string field) => new($"the node returned a Checkout log without {field} (a pending log?)");
}
