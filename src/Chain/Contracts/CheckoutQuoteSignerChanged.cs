using Commerce.Chain.Crypto;

namespace Commerce.Chain.Contracts;

/// <summary>QuoteSignerChanged: quotes are now checked against NewSigner.</summary>
public sealed record CheckoutQuoteSignerChanged(EthAddress PreviousSigner, EthAddress NewSigner) : CheckoutEvent;
