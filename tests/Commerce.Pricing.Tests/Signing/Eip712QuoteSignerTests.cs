using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Chain.Signing;
using Commerce.Pricing.Offers;
using Commerce.Pricing.Signing;

namespace Commerce.Pricing.Tests.Signing;

public class Eip712QuoteSignerTests
{
    private static readonly EthAddress Checkout = EthAddress.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    private static readonly EthAddress Dragons = EthAddress.Parse("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512");
    private static readonly EthAddress Usdc = EthAddress.Parse("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0");
    private const string Buyer = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

    private static QuoteDomain Domain(long chainId = 31337) => new(
        chainId, Checkout,
        new Dictionary<string, EthAddress> { ["dragons"] = Dragons },
        new Dictionary<string, EthAddress> { ["USDC"] = Usdc });

    private static Quote Quote(string currency = "ETH", string itemId = "dragons:42") =>
        new("of-abc-1", Buyer, itemId, "dragons", currency, 52_500_000_000_000_000, DateTimeOffset.FromUnixTimeSeconds(1_800_000_000), "2026.11.1");

    [Fact]
    public void The_signed_struct_is_exactly_the_quote_type_of_the_checkout_contract()
    {
        var signer = new Eip712QuoteSigner(EthPrivateKey.Generate(), Domain());

        var typed = TypedData.Parse(signer.Describe(Quote()).ToJson(Domain().ChainId, Domain().VerifyingContract));

        Assert.Equal(
            "Quote(address collection,uint256 tokenId,address buyer,address currency,uint256 price,uint16 installments,uint64 expiry,bytes32 nonce)",
            typed.EncodeType("Quote"));
        Assert.Equal("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)", typed.EncodeType("EIP712Domain"));
    }

    [Fact]
    public async Task A_signature_recovers_to_the_quote_key_from_typed_data_written_by_hand()
    {
        var key = EthPrivateKey.Generate();
        var signer = new Eip712QuoteSigner(key, Domain());
        var quote = Quote();

        var signature = await signer.SignAsync(quote);

        // The wallet-side (eth_signTypedData_v4) JSON of docs/QUOTE.md, written independently of the signer.
        var nonce = Commerce.Chain.Hex.HexString.Encode(Eip712QuoteSigner.Nonce(quote.QuoteId));
        var json = $$"""
            {
              "types": {
                "EIP712Domain": [
                  { "name": "name", "type": "string" }, { "name": "version", "type": "string" },
                  { "name": "chainId", "type": "uint256" }, { "name": "verifyingContract", "type": "address" } ],
                "Quote": [
                  { "name": "collection", "type": "address" }, { "name": "tokenId", "type": "uint256" },
                  { "name": "buyer", "type": "address" }, { "name": "currency", "type": "address" },
                  { "name": "price", "type": "uint256" }, { "name": "installments", "type": "uint16" },
                  { "name": "expiry", "type": "uint64" }, { "name": "nonce", "type": "bytes32" } ]
              },
              "primaryType": "Quote",
              "domain": { "name": "CommerceCheckout", "version": "1", "chainId": 31337, "verifyingContract": "{{Checkout}}" },
              "message": {
                "collection": "{{Dragons}}", "tokenId": "42", "buyer": "{{Buyer}}",
                "currency": "0x0000000000000000000000000000000000000000", "price": "52500000000000000",
                "installments": 1, "expiry": 1800000000, "nonce": "{{nonce}}"
              }
            }
            """;

        Assert.Equal(key.Address.ToString(), signature.SignerAddress);
        Assert.Equal(key.Address, TypedData.Parse(json).RecoverSigner(signature.Signature));
    }

    [Fact]
    public async Task A_signature_is_bound_to_the_chain_and_to_the_price()
    {
        var key = EthPrivateKey.Generate();
        var signer = new Eip712QuoteSigner(key, Domain());
        var quote = Quote();
        var signature = await signer.SignAsync(quote);
        var described = signer.Describe(quote);

        var otherChain = new Eip712QuoteSigner(key, Domain(1));

        Assert.Equal(key.Address, signer.RecoverSigner(described, signature.Signature));
        Assert.NotEqual(key.Address, otherChain.RecoverSigner(described, signature.Signature));
        Assert.NotEqual(key.Address, signer.RecoverSigner(described with { Price = described.Price - 1 }, signature.Signature));
    }

    [Fact]
    public void Stablecoin_quotes_name_the_token_and_an_unconfigured_currency_cannot_be_signed()
    {
        var signer = new Eip712QuoteSigner(EthPrivateKey.Generate(), Domain());

        Assert.Equal(Usdc, signer.Describe(Quote("USDC")).Currency);
        Assert.Equal(EthAddress.Zero, signer.Describe(Quote("ETH")).Currency);
        Assert.False(signer.CanSign(Quote("DAI")));
        var ex = Assert.Throws<ArgumentException>(() => signer.Describe(Quote("DAI")));
        Assert.Contains("Pricing:Currencies:DAI:Token", ex.Message);
    }

    [Fact]
    public void The_token_id_comes_from_the_item_id_and_a_malformed_one_is_refused()
    {
        var signer = new Eip712QuoteSigner(EthPrivateKey.Generate(), Domain());

        Assert.Equal(new BigInteger(42), signer.Describe(Quote()).TokenId);
        Assert.Equal(EthAddress.Zero, signer.Describe(Quote() with { Collection = "skins", ItemId = "skins:7" }).Collection);
        var ex = Assert.Throws<ArgumentException>(() => signer.Describe(Quote(itemId: "dragons:x")));
        Assert.Contains("itemId", ex.Message);
    }

    [Fact]
    public void Nonces_are_32_bytes_derived_from_the_quote_id_and_differ_between_quotes()
    {
        Assert.Equal(32, Eip712QuoteSigner.Nonce("of-1-1").Length);
        Assert.Equal(Eip712QuoteSigner.Nonce("of-1-1"), Eip712QuoteSigner.Nonce("of-1-1"));
        Assert.NotEqual(Eip712QuoteSigner.Nonce("of-1-1"), Eip712QuoteSigner.Nonce("of-1-2"));
    }
}
