using Orleans;

namespace Commerce.Events.Offers;

/// <summary>
/// The EIP-712 Quote of docs/QUOTE.md exactly as signed, with its domain and the platform's signature:
/// addresses 0x-hex, <see cref="TokenId"/> and <see cref="Price"/> decimal integers (base units), <see cref="Expiry"/>
/// unix seconds, <see cref="Nonce"/> 32 bytes 0x-hex, <see cref="Signature"/> 65 bytes r||s||v 0x-hex.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.SignedQuote")]
public sealed record SignedQuote(
    [property: Id(0)] string QuoteId,
    [property: Id(1)] long ChainId,
    [property: Id(2)] string VerifyingContract,
    [property: Id(3)] string CollectionContract,
    [property: Id(4)] string TokenId,
    [property: Id(5)] string Buyer,
    [property: Id(6)] string CurrencyToken,
    [property: Id(7)] string Price,
    [property: Id(8)] int Installments,
    [property: Id(9)] long Expiry,
    [property: Id(10)] string Nonce,
    [property: Id(11)] string Signer,
    [property: Id(12)] string Signature);
