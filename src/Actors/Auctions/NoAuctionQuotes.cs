using Commerce.Events.Offers;

namespace Commerce.Actors.Auctions;

/// <summary>The signer of an instance without a quote key: winners are told the price but get no quote, so the auction ends unsold.</summary>
public sealed class NoAuctionQuotes : IAuctionQuoteSigner
{
    public SignedQuote? Sign(AuctionQuoteTerms terms) => null;
}
