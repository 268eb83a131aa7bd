namespace Commerce.Host.Api.Responses;

/// <summary>The quote an order was placed against (docs/QUOTE.md): the buyer's own, as it signed the purchase.</summary>
public sealed record OrderQuoteView(string Collection, string TokenId, string Buyer, string Currency, string Price, int Installments, long Expiry, string Nonce);
