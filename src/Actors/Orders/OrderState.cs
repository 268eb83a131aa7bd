using Commerce.Events.Orders;

namespace Commerce.Actors.Orders;

/// <summary>
/// One order (docs/ORDERS.md): who buys what against which signed quote, where the saga stands, every
/// event it saw (bounded), the item's hold and what was paid; a custodial order delivers by a mint, or by the
/// Checkout's releaseItem when <see cref="DeliverFromCheckout"/>. <see cref="Terminal"/> once it reached its one
/// end state; later events are recorded and change nothing.
/// </summary>
public sealed record OrderState(
    string OrderId,
    string? PlayerId,
    string? Wallet,
    string? ItemId,
    OrderQuote? Quote,
    string? Signature,
    string? PaymentKind,
    string? IdempotencyKey,
    string Status,
    IReadOnlyList<OrderTransition> History,
    DateTimeOffset? ReservedUntil,
    string TotalPaid,
    IReadOnlyList<OrderPayment> Payments,
    bool Terminal,
    DateTimeOffset? PlacedAt,
    DateTimeOffset? UpdatedAt,
    InstallmentPlan? Plan = null,
    bool DeliverFromCheckout = false)
{
    /// <summary>Events kept in <see cref="History"/> and logs in <see cref="Payments"/> (the oldest go first).</summary>
    public const int MaxHistory = 64;

    public static OrderState New(string orderId) =>
        new(orderId, null, null, null, null, null, null, null, OrderStatus.None, [], null, "0", [], false, null, null);
}
