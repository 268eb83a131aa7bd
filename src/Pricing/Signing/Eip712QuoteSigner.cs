using System.Globalization;
using System.Numerics;
using System.Text;
using Commerce.Chain.Crypto;
using Commerce.Chain.Contracts;
using Commerce.Events.Offers;
using Commerce.Pricing.Offers;

namespace Commerce.Pricing.Signing;

/// <summary>
/// Signs quotes as EIP-712 typed data (docs/QUOTE.md, <see cref="CheckoutQuote"/>) with the platform's quote key. The nonce is derived from the
/// quote id (Keccak-256 of "commerce.quote-nonce:" + id): quote ids are unique and deterministic, so a replay
/// signs the same bytes (RFC 6979 signatures are deterministic too) and two quotes never share a nonce.
/// Thread-safe.
/// </summary>
public sealed class Eip712QuoteSigner(EthPrivateKey key, QuoteDomain domain) : IQuoteSigner
{
    public EthAddress Address { get; } = key.Address;

    public QuoteDomain Domain { get; } = domain;

    /// <summary>False when the quote's currency has no token contract configured (it cannot be paid on chain).</summary>
    public bool CanSign(Quote quote) => Domain.TokenOf(quote.Currency) is not null;

    /// <summary>The struct the checkout contract verifies for <paramref name="quote"/>.</summary>
    public CheckoutQuote Describe(Quote quote)
    {
        var currency = Domain.TokenOf(quote.Currency)
            ?? throw new ArgumentException($"currency {quote.Currency} has no token contract (Pricing:Currencies:{quote.Currency}:Token)", nameof(quote));
        var colon = quote.ItemId.LastIndexOf(':');
        if (colon < 0 || !BigInteger.TryParse(quote.ItemId.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var tokenId))
            throw new ArgumentException($"itemId '{quote.ItemId}' is not collection:tokenId with a decimal token id", nameof(quote));
        return new CheckoutQuote
        {
            Collection = Domain.ContractOf(quote.Collection),
            TokenId = tokenId,
            Buyer = EthAddress.Parse(quote.PlayerId, "playerId"),
            Currency = currency,
            Price = (BigInteger)quote.Amount,
            Installments = 1,
            Expiry = checked((ulong)quote.ExpiresAt.ToUnixTimeSeconds()),
            Nonce = Nonce(quote.QuoteId),
        };
    }

    /// <summary>Who signed <paramref name="quote"/> under this signer's domain (the signature read strictly).</summary>
    public EthAddress RecoverSigner(CheckoutQuote quote, string signature)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return quote.RecoverSigner(signature, Domain.ChainId, Domain.VerifyingContract);
    }

    public ValueTask<QuoteSignature> SignAsync(Quote quote, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Sign(quote).Signature);

    /// <summary>The struct that was signed and the signature, in one pass.</summary>
    public (CheckoutQuote Quote, QuoteSignature Signature) Sign(Quote quote)
    {
        var described = Describe(quote);
        var signature = described.Sign(key, Domain.ChainId, Domain.VerifyingContract);
        return (described, new QuoteSignature(Address.ToString(), signature.ToHex()));
    }

    /// <summary>Signs <paramref name="quote"/> and says it as the events do (<see cref="SignedQuote"/>: the struct's fields, the domain, the signature).</summary>
    public SignedQuote SignToEvent(Quote quote)
    {
        var (described, signature) = Sign(quote);
        return new SignedQuote(
            quote.QuoteId,
            (long)Domain.ChainId,
            Domain.VerifyingContract.ToString(),
            described.Collection.ToString(),
            described.TokenId.ToString(CultureInfo.InvariantCulture),
            described.Buyer.ToString(),
            described.Currency.ToString(),
            described.Price.ToString(CultureInfo.InvariantCulture),
            described.Installments,
            (long)described.Expiry,
            Commerce.Chain.Hex.HexString.Encode(described.Nonce),
            signature.SignerAddress,
            signature.Signature);
    }

    public static byte[] Nonce(string quoteId) => Keccak256.Hash(Encoding.UTF8.GetBytes("commerce.quote-nonce:" + quoteId));
}
