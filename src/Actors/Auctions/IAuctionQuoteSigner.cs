using Commerce.Events.Offers;

namespace Commerce.Actors.Auctions;

/// <summary>
/// Signs the quote an auction's winner pays with (the platform's EIP-712 quote key, as offers are signed; implemented
/// by the host over pricing's signer). Synchronous and deterministic: the item grain signs inside its handler.
/// </summary>
public interface IAuctionQuoteSigner
{
    /// <summary>The signed quote, or null when this instance cannot sign one (no quote key, or the currency has no token).</summary>
    SignedQuote? Sign(AuctionQuoteTerms terms);
}
