using Commerce.Chain.Contracts;
using Commerce.Chain.Contracts.Messages;
using Commerce.Chain.Crypto;
using Commerce.Chain.Signing;
using Nethereum.ABI.EIP712;

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

        Assert.Equal(quote.SigningHash(env.ChainId, d.Checkout.Address), await d.Checkout.QuoteDigestAsync(quote));
        var typedData = CheckoutQuote.TypedDataDefinition(env.ChainId, d.Checkout.Address);
        Assert.Equal(Eip712TypedDataEncoder.Current.HashDomainSeparator(typedData), await d.Checkout.DomainSeparatorAsync());
        const string QuoteType =
            "Quote(address collection,uint256 tokenId,address buyer,address currency,uint256 price,uint16 installments,uint64 expiry,bytes32 nonce)";
        Assert.Equal(QuoteType, Eip712TypedDataEncoder.Current.GetEncodedType("Quote", typeof(QuoteStruct)));
        Assert.Equal(Keccak256.HashUtf8(QuoteType), await d.Checkout.QuoteTypeHashAsync());
    }

    [Fact]
    public async Task The_wallet_json_of_a_quote_hashes_to_the_contracts_digest()
    {
        var d = await env.DeployAsync();
        var buyer = await env.NewActorAsync();
        var quote = await d.QuoteAsync(buyer, 77, d.Coin.Address, installments: 2);

        var json = quote.ToJson(env.ChainId, d.Checkout.Address);

        Assert.Equal(await d.Checkout.QuoteDigestAsync(quote), TypedData.Parse(json).SigningHash());
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
