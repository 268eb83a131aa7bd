using System.Numerics;
using Commerce.Chain.Crypto;

namespace Commerce.Pricing.Signing;

/// <summary>
/// Where quotes are valid: the EIP-712 domain (name "CommerceCheckout", version "1", the chain, the checkout
/// contract) and the contract addresses that stand for collections and currencies in a quote.
/// A currency not in <see cref="CurrencyTokens"/> cannot be signed, except ETH, which is <c>address(0)</c>.
/// </summary>
public sealed record QuoteDomain(
    BigInteger ChainId,
    EthAddress VerifyingContract,
    IReadOnlyDictionary<string, EthAddress> CollectionContracts,
    IReadOnlyDictionary<string, EthAddress> CurrencyTokens)
{
    /// <summary>The token contract of a currency: address(0) for ETH; null when none is configured.</summary>
    public EthAddress? TokenOf(string currency) =>
        currency == "ETH" ? EthAddress.Zero : CurrencyTokens.TryGetValue(currency, out var token) ? token : null;

    /// <summary>The collection's ERC-721 contract (address(0) until it is configured).</summary>
    public EthAddress ContractOf(string collection) =>
        CollectionContracts.TryGetValue(collection, out var contract) ? contract : EthAddress.Zero;
}
