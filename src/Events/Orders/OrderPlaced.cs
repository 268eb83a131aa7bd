namespace Commerce.Events.Orders;

/// <summary>
/// A player accepted an offer: it orders one item against one signed quote. The order id is the
/// quote's nonce (docs/ORDERS.md). Key: order id.
/// </summary>
public sealed record OrderPlaced(
    string OrderId,
    string PlayerId,
    string Wallet,
    string ItemId,
    OrderQuote Quote,
    string Signature,
    string PaymentKind,
    string IdempotencyKey) : IEvent;
