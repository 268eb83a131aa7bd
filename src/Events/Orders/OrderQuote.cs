namespace Commerce.Events.Orders;

/// <summary>The fields of the signed EIP-712 quote (docs/QUOTE.md); amounts in base units, as decimal strings.</summary>
public sealed record OrderQuote(
    string Collection,
    string TokenId,
    string Buyer,
    string Currency,
    string Price,
    int Installments,
    long Expiry,
    string Nonce);
