namespace Commerce.Events.Orders;

/// <summary>
/// A player accepted an offer: it orders one item against one signed quote. The order id is the
/// quote's nonce (docs/ORDERS.md). <see cref="DeliverFromCheckout"/>: the token already exists and the Checkout
/// holds it (reclaimed after a default), so a custodial order delivers it with releaseItem instead of a mint; the
/// API reads it from the chain at placement. Key: order id.
/// </summary>
public sealed record OrderPlaced(
    string OrderId,
    string PlayerId,
    string Wallet,
    string ItemId,
    OrderQuote Quote,
    string Signature,
    string PaymentKind,
    string IdempotencyKey,
    bool DeliverFromCheckout = false) : IEvent;
