namespace Commerce.Host.Api;

/// <summary>
/// The EIP-712 quote of docs/QUOTE.md as the offer carried it: addresses 0x hex, token id and price decimal
/// integers (base units) as strings, expiry unix seconds, nonce 32 bytes 0x hex.
/// </summary>
public sealed record OrderQuoteRequest(
    string? Collection,
    string? TokenId,
    string? Buyer,
    string? Currency,
    string? Price,
    int? Installments,
    long? Expiry,
    string? Nonce);
