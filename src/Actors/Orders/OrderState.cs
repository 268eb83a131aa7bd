using Commerce.Events.Orders;
using Orleans;

namespace Commerce.Actors.Orders;

/// <summary>
/// One order (docs/ORDERS.md): who buys what against which signed quote, where the saga stands, every
/// event it saw (bounded), the item's hold and what was paid; a custodial order delivers by a mint, or by the
/// Checkout's releaseItem when <see cref="DeliverFromCheckout"/>; an operator's <see cref="Refund"/> once one was asked. <see cref="Terminal"/> once it reached its one
/// end state; later events are recorded and change nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.state.OrderState")]
public sealed record OrderState(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string? PlayerId,
    [property: Id(2)] string? Wallet,
    [property: Id(3)] string? ItemId,
    [property: Id(4)] OrderQuote? Quote,
    [property: Id(5)] string? Signature,
    [property: Id(6)] string? PaymentKind,
    [property: Id(7)] string? IdempotencyKey,
    [property: Id(8)] string Status,
    [property: Id(9)] IReadOnlyList<OrderTransition> History,
    [property: Id(10)] DateTimeOffset? ReservedUntil,
    [property: Id(11)] string TotalPaid,
    [property: Id(12)] IReadOnlyList<OrderPayment> Payments,
    [property: Id(13)] bool Terminal,
    [property: Id(14)] DateTimeOffset? PlacedAt,
    [property: Id(15)] DateTimeOffset? UpdatedAt,
    [property: Id(16)] InstallmentPlan? Plan = null,
    [property: Id(17)] bool DeliverFromCheckout = false,
    [property: Id(18)] OrderRefund? Refund = null)
{
    /// <summary>Events kept in <see cref="History"/> and logs in <see cref="Payments"/> (the oldest go first).</summary>
    public const int MaxHistory = 64;

    public static OrderState New(string orderId) =>
        new(orderId, null, null, null, null, null, null, null, OrderStatus.None, [], null, "0", [], false, null, null);
}
