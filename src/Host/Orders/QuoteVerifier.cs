using System.Numerics;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Pricing.Live;
using Commerce.Pricing.Signing;

namespace Commerce.Host.Orders;

/// <summary>
/// Checks that a quote was signed by the platform's quote key under the EIP-712 domain the pricing signer uses
/// (chain id and Checkout address from the "Pricing" section), and maps collection contracts to item ids.
/// </summary>
public sealed class QuoteVerifier(EthAddress quoteKey, QuoteDomain domain)
{
    public EthAddress QuoteKey { get; } = quoteKey;

    public QuoteDomain Domain { get; } = domain;

    /// <summary>
    /// The verifier of this instance: the running pricing signer's key and domain, or (pricing disabled here) the
    /// configured quote key's. Null when neither is known: no quote can be checked.
    /// </summary>
    public static QuoteVerifier? From(Eip712QuoteSigner? signer, LivePricingOptions options)
    {
        if (signer is not null)
            return new QuoteVerifier(signer.Address, signer.Domain);
        if (string.IsNullOrWhiteSpace(options.QuoteKey))
            return null;
        var key = EthPrivateKey.FromHex(options.QuoteKey, "Pricing:QuoteKey");
        var domain = new QuoteDomain(
            new BigInteger(options.ChainId),
            EthAddress.Parse(options.CheckoutAddress, "Pricing:CheckoutAddress"),
            options.Collections.Where(c => !string.IsNullOrEmpty(c.Value.Contract))
                .ToDictionary(c => c.Key, c => EthAddress.Parse(c.Value.Contract, $"Pricing:Collections:{c.Key}:Contract"), StringComparer.Ordinal),
            new Dictionary<string, EthAddress>());
        return new QuoteVerifier(key.Address, domain);
    }

    /// <summary>True when <paramref name="signature"/> over <paramref name="quote"/> recovers to the quote key.</summary>
    public bool IsSignedByPlatform(CheckoutQuote quote, string signature)
    {
        try
        {
            return quote.RecoverSigner(signature, Domain.ChainId, Domain.VerifyingContract) == QuoteKey;
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>True when the collection named in an item id is the quote's collection contract.</summary>
    public bool IsCollection(string collectionName, EthAddress contract) => Domain.ContractOf(collectionName) == contract;
}
