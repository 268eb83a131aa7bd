using System.Globalization;
using Commerce.Events.Offers;
using Commerce.Pricing.Amounts;
using Commerce.Pricing.Offers;
using Commerce.Pricing.Signing;

namespace Commerce.Actors.Auctions;

/// <summary>Signs auction quotes with pricing's EIP-712 quote signer, exactly as offers are signed (docs/QUOTE.md).</summary>
public sealed class Eip712AuctionQuoteSigner(Eip712QuoteSigner signer) : IAuctionQuoteSigner
{
    public const string PolicyVersion = "auction";

    public SignedQuote? Sign(AuctionQuoteTerms terms)
    {
        var currency = terms.Currency switch
        {
            "ETH" => Currency.Eth,
            "USDC" => Currency.Usdc,
            _ => null,
        };
        if (currency is null || !currency.TryParse(terms.Price.ToString(CultureInfo.InvariantCulture), out var baseUnits, out _) || baseUnits <= 0)
            return null;
        if (!IsAddress(terms.Buyer))
            return null; // a bidder without a wallet address cannot be quoted
        var quote = new Quote(terms.QuoteId, terms.Buyer, terms.ItemId, terms.Collection, terms.Currency, (UInt128)baseUnits, terms.ExpiresAt, PolicyVersion);
        return signer.CanSign(quote) ? signer.SignToEvent(quote) : null;
    }

    private static bool IsAddress(string text) =>
        text.Length == 42 && text.StartsWith("0x", StringComparison.Ordinal) && text.AsSpan(2).ContainsAnyExcept("0123456789abcdefABCDEF") == false;
}
