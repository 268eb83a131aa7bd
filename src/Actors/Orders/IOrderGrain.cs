using Commerce.Actors.Runtime;
using Commerce.Events.Orders;

namespace Commerce.Actors.Orders;

/// <summary>
/// One order: the saga from an accepted offer to a paid, delivered item (docs/ORDERS.md). Key: the order id (the
/// quote's nonce). Fed by commerce.order-events (<see cref="IIngressGrain.ApplyAsync"/>: placed by the API, the Checkout
/// watcher's payments, the executor's delivery updates); it calls its item, the buyer's custody account and player
/// session, and is told by another order when that order's purchase overtook it.
/// </summary>
[Alias("commerce.IOrderGrain")]
public interface IOrderGrain : IIngressGrain
{
    /// <summary>The item was paid for by another order while this one held it: cancelled unless its own payment is confirming.</summary>
    [Alias("TellRefused")]
    Task<Replies> TellRefusedAsync(ReservationRefused refused);

    /// <summary>
    /// The order as stored, or null when no order was placed under this id. Answered between the grain's turns, so a
    /// reader never sees less than what the order already told its player.
    /// </summary>
    [Alias("GetState")]
    Task<OrderState?> GetStateAsync();

    /// <summary>
    /// The buyer cancels before paying (placed or reserved, no payment seen): the item is released and the order
    /// cancelled; answers OrderUpdated, or OrderCancellationRefused saying why. A repeat after the cancel is answered again.
    /// </summary>
    [Alias("CancelByBuyer")]
    Task<Replies> CancelByBuyerAsync(OrderCancellationRequested request);

    /// <summary>
    /// An operator refunds a completed purchase through the Checkout: answers OrderRefundAccepted (the command asked, or
    /// the one already asked: never a second while it is pending) or OrderRefundRefused saying why (no such order: status none).
    /// </summary>
    [Alias("RequestRefund")]
    Task<Replies> RequestRefundAsync(OrderRefundRequested request);
}
