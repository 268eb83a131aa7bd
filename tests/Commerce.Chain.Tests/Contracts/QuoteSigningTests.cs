using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.Tests.Contracts;

/// <summary>Our EIP-712 quote (docs/QUOTE.md) hashes exactly as the deployed Checkout does.</summary>
[Collection(nameof(ContractsCollection))]
public class QuoteSigningTests(ContractsEnvironment env)
{
    [Fact]
    public async Task Quote_digest_domain_separator_and_type_hash_match_the_contract()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var quote = await d.QuoteAsync(buyer, 123_456_789, d.Coin.Address, installments: 3);
        var typedData = quote.ToTypedData(env.ChainId, d.Checkout.Address);

        Assert.Equal(typedData.SigningHash(), await d.Checkout.QuoteDigestAsync(quote));
        Assert.Equal(typedData.DomainSeparator(), await d.Checkout.DomainSeparatorAsync());
        Assert.Equal(
            "Quote(address collection,uint256 tokenId,address buyer,address currency,uint256 price,uint16 installments,uint64 expiry,bytes32 nonce)",
            typedData.EncodeType("Quote"));
        var typeHash = (byte[])(await env.Eth.CallAsync(new() { To = d.Checkout.Address, Data = CheckoutAbi.QuoteTypeHash.EncodeCall() })).ToArray();
        Assert.Equal(typedData.TypeHash("Quote"), typeHash);
    }

    [Fact]
    public async Task A_signed_quote_recovers_to_the_quote_signer_the_contract_was_deployed_with()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var quote = await d.QuoteAsync(buyer, 1);

        var signature = EthSignature.FromBytes(d.Sign(quote));

        Assert.Equal(d.QuoteSigner.Address, signature.RecoverAddress(await d.Checkout.QuoteDigestAsync(quote)));
        Assert.Equal(d.QuoteSigner.Address, await d.Checkout.QuoteSignerAsync());
        Assert.Equal(ContractsEnvironment.Interval, await d.Checkout.InstallmentIntervalAsync());
    }
}
