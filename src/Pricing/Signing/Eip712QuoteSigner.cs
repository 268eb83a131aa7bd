using System.Globalization;
using System.Numerics;
using System.Text;
using Commerce.Chain.Crypto;
using Commerce.Chain.Signing;
using Commerce.Pricing.Offers;

namespace Commerce.Pricing.Signing;

/// <summary>
/// Signs quotes as EIP-712 typed data (docs/QUOTE.md) with the platform's quote key. The nonce is derived from the
/// quote id (Keccak-256 of "commerce.quote-nonce:" + id): quote ids are unique and deterministic, so a replay
/// signs the same bytes (RFC 6979 signatures are deterministic too) and two quotes never share a nonce.
/// Thread-safe.
/// </summary>
public sealed class Eip712QuoteSigner(EthPrivateKey key, QuoteDomain domain) : IQuoteSigner
{
    public const string TypeName = "Quote";

    public EthAddress Address { get; } = key.Address;

    public QuoteDomain Domain { get; } = domain;

    /// <summary>False when the quote's currency has no token contract configured (it cannot be paid on chain).</summary>
    public bool CanSign(Quote quote) => Domain.TokenOf(quote.Currency) is not null;

    /// <summary>The struct the checkout contract verifies for <paramref name="quote"/>.</summary>
    public Eip712Quote Describe(Quote quote)
    {
        var currency = Domain.TokenOf(quote.Currency)
            ?? throw new ArgumentException($"currency {quote.Currency} has no token contract (Pricing:Currencies:{quote.Currency}:Token)", nameof(quote));
        var colon = quote.ItemId.LastIndexOf(':');
        if (colon < 0 || !BigInteger.TryParse(quote.ItemId.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var tokenId))
            throw new ArgumentException($"itemId '{quote.ItemId}' is not collection:tokenId with a decimal token id", nameof(quote));
        return new Eip712Quote(
            Domain.ContractOf(quote.Collection),
            tokenId,
            EthAddress.Parse(quote.PlayerId, "playerId"),
            currency,
            (BigInteger)quote.Amount,
            1,
            checked((ulong)quote.ExpiresAt.ToUnixTimeSeconds()),
            Nonce(quote.QuoteId));
    }

    /// <summary>The typed data that is signed: the docs/QUOTE.md struct under this signer's domain.</summary>
    public TypedData TypedData(Eip712Quote quote) => ToTypedData(quote, Domain.ToEip712Domain());

    public static TypedData ToTypedData(Eip712Quote quote, Eip712Domain domain) =>
        new TypedStructBuilder(TypeName)
            .Field("collection", "address", quote.Collection)
            .Field("tokenId", "uint256", quote.TokenId)
            .Field("buyer", "address", quote.Buyer)
            .Field("currency", "address", quote.Currency)
            .Field("price", "uint256", quote.Price)
            .Field("installments", "uint16", (int)quote.Installments)
            .Field("expiry", "uint64", quote.Expiry)
            .Field("nonce", "bytes32", quote.Nonce)
            .ToTypedData(domain);

    public ValueTask<QuoteSignature> SignAsync(Quote quote, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Sign(quote).Signature);

    /// <summary>The struct that was signed and the signature, in one pass.</summary>
    public (Eip712Quote Quote, QuoteSignature Signature) Sign(Quote quote)
    {
        var described = Describe(quote);
        var signature = TypedData(described).Sign(key);
        return (described, new QuoteSignature(Address.ToString(), signature.ToHex()));
    }

    public static byte[] Nonce(string quoteId) => Keccak256.Hash(Encoding.UTF8.GetBytes("commerce.quote-nonce:" + quoteId));
}
