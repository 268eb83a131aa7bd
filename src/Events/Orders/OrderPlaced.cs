using Orleans;

namespace Commerce.Events.Orders;

/// <summary>
/// A player accepted an offer: it orders one item against one signed quote. The order id is the
/// quote's nonce (docs/ORDERS.md). <see cref="DeliverFromCheckout"/>: the token already exists and the Checkout
/// holds it (reclaimed after a default), so a custodial order delivers it with releaseItem instead of a mint; the
/// API reads it from the chain at placement. Key: order id.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.OrderPlaced")]
public sealed record OrderPlaced(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string PlayerId,
    [property: Id(2)] string Wallet,
    [property: Id(3)] string ItemId,
    [property: Id(4)] OrderQuote Quote,
    [property: Id(5)] string Signature,
    [property: Id(6)] string PaymentKind,
    [property: Id(7)] string IdempotencyKey,
    [property: Id(8)] bool DeliverFromCheckout = false) : IEvent;
