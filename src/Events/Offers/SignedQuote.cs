namespace Commerce.Events.Offers;

/// <summary>
/// The EIP-712 Quote of docs/QUOTE.md exactly as signed, with its domain and the platform's signature:
/// addresses 0x-hex, <see cref="TokenId"/> and <see cref="Price"/> decimal integers (base units), <see cref="Expiry"/>
/// unix seconds, <see cref="Nonce"/> 32 bytes 0x-hex, <see cref="Signature"/> 65 bytes r||s||v 0x-hex.
/// </summary>
public sealed record SignedQuote(
    string QuoteId,
    long ChainId,
    string VerifyingContract,
    string CollectionContract,
    string TokenId,
    string Buyer,
    string CurrencyToken,
    string Price,
    int Installments,
    long Expiry,
    string Nonce,
    string Signer,
    string Signature);
