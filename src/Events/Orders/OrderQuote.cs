using Orleans;

namespace Commerce.Events.Orders;

/// <summary>The fields of the signed EIP-712 quote (docs/QUOTE.md); amounts in base units, as decimal strings.</summary>
[GenerateSerializer, Immutable, Alias("commerce.events.OrderQuote")]
public sealed record OrderQuote(
    [property: Id(0)] string Collection,
    [property: Id(1)] string TokenId,
    [property: Id(2)] string Buyer,
    [property: Id(3)] string Currency,
    [property: Id(4)] string Price,
    [property: Id(5)] int Installments,
    [property: Id(6)] long Expiry,
    [property: Id(7)] string Nonce);
