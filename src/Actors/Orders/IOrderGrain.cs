using Commerce.Events.Items;
using Commerce.Events.Orders;

namespace Commerce.Actors.Orders;

/// <summary>
/// One order: the saga from an accepted offer to a paid, delivered item (docs/ORDERS.md).
/// Key: the order id (the quote's nonce). Input: the order-events topic.
/// </summary>
public interface IOrderGrain
{
    /// <summary>Takes the order and asks the item's grain to hold the item until the payment deadline.</summary>
    ValueTask PlaceAsync(OrderPlaced placed);

    ValueTask ReservedAsync(ItemReserved reserved);

    ValueTask RefusedAsync(ReservationRefused refused);

    ValueTask ReservationExpiredAsync(ReservationExpired expired);

    /// <summary>What the Checkout contract logged: a purchase, an installment, the plan's end, a refund.</summary>
    ValueTask ObservePaymentAsync(PaymentObserved payment);

    /// <summary>The grain's own reminder: the payment was not seen in time.</summary>
    ValueTask TimedOutAsync(OrderTimedOut timedOut);

    ValueTask DeliveryUpdatedAsync(DeliveryUpdated delivery);
}
