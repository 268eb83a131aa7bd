using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Chain.Signing;

namespace Commerce.Chain.Tests.Signing;

/// <summary>The "Mail" example of EIP-712 and the price-quote builder.</summary>
public class TypedDataTests
{
    internal const string MailJson = """
        {
          "types": {
            "EIP712Domain": [
              { "name": "name", "type": "string" },
              { "name": "version", "type": "string" },
              { "name": "chainId", "type": "uint256" },
              { "name": "verifyingContract", "type": "address" }
            ],
            "Person": [
              { "name": "name", "type": "string" },
              { "name": "wallet", "type": "address" }
            ],
            "Mail": [
              { "name": "from", "type": "Person" },
              { "name": "to", "type": "Person" },
              { "name": "contents", "type": "string" }
            ]
          },
          "primaryType": "Mail",
          "domain": {
            "name": "Ether Mail",
            "version": "1",
            "chainId": 1,
            "verifyingContract": "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"
          },
          "message": {
            "from": { "name": "Cow", "wallet": "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826" },
            "to": { "name": "Bob", "wallet": "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB" },
            "contents": "Hello, Bob!"
          }
        }
        """;

    private static readonly EthPrivateKey Cow = EthPrivateKey.FromBytes(Keccak256.HashUtf8("cow"));

    private static TypedData Mail() => TypedData.Parse(MailJson);

    [Theory]
    [MemberData(nameof(Eip712StructTests.SpecHashes), MemberType = typeof(Eip712StructTests))]
    public void The_mail_example_has_the_spec_hashes(string which, string expected)
    {
        var mail = Mail();
        var actual = which switch
        {
            "domainSeparator" => mail.DomainSeparator(),
            "hashStruct(message)" => mail.MessageHash(),
            _ => mail.SigningHash(),
        };
        Assert.Equal(expected, HexString.Encode(actual));
    }

    [Fact]
    public void The_mail_example_signs_to_the_spec_signature()
    {
        Assert.Equal("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826", Cow.Address.ToString());
        var signature = Mail().Sign(Cow);
        Assert.Equal(28, signature.V);
        Assert.Equal("4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d", Convert.ToHexStringLower(signature.R));
        Assert.Equal("07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562", Convert.ToHexStringLower(signature.S));
        Assert.Equal(Cow.Address, Mail().RecoverSigner(signature.ToHex()));
    }

    internal const string LineQuoteJson = """
        {
          "types": {
            "EIP712Domain": [
              { "name": "name", "type": "string" }, { "name": "version", "type": "string" },
              { "name": "chainId", "type": "uint256" }, { "name": "verifyingContract", "type": "address" }
            ],
            "PriceQuote": [
              { "name": "buyer", "type": "address" }, { "name": "lines", "type": "Line[]" },
              { "name": "expiresAt", "type": "uint64" }, { "name": "quoteId", "type": "bytes32" }, { "name": "tags", "type": "string[]" }
            ],
            "Line": [ { "name": "itemId", "type": "uint256" }, { "name": "price", "type": "uint256" } ]
          },
          "primaryType": "PriceQuote",
          "domain": { "name": "Commerce", "version": "1", "chainId": 31337, "verifyingContract": "0x5FbDB2315678afecb367f032d93F642f64180aa3" },
          "message": {
            "buyer": "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
            "lines": [ { "itemId": 42, "price": "100000000000000000000" }, { "itemId": "7", "price": 5 } ],
            "expiresAt": 1900000000,
            "quoteId": "0x8b1a944cf13a9a1c08facb2c9e98623ef3254d2ddb48113885c3e8e97fec8db9",
            "tags": [ "rare", "fire" ]
          }
        }
        """;

    [Fact]
    public void A_price_quote_with_an_array_of_line_items_hashes_and_signs()
    {
        var quote = TypedData.Parse(LineQuoteJson);

        var key = EthPrivateKey.Generate();
        Assert.Equal(key.Address, quote.RecoverSigner(quote.Sign(key).ToHex()));
    }

    [Theory]
    [InlineData("\"price\": 5", "\"price\": 6")]
    [InlineData("\"chainId\": 31337", "\"chainId\": 1")]
    [InlineData("\"rare\"", "\"common\"")]
    public void A_changed_field_changes_the_signing_hash(string from, string to)
    {
        var changed = LineQuoteJson.Replace(from, to, StringComparison.Ordinal);

        Assert.NotEqual(LineQuoteJson, changed);
        Assert.NotEqual(TypedData.Parse(LineQuoteJson).SigningHash(), TypedData.Parse(changed).SigningHash());
    }

    [Theory]
    [InlineData("\"price\": 5", "\"price\": -5", "message.lines[1].price")]
    [InlineData("\"expiresAt\": 1900000000", "\"expiresAt\": 18446744073709551616", "message.expiresAt")]
    [InlineData("\"quoteId\": \"0x8b", "\"quoteId\": \"0x", "message.quoteId")]
    public void Values_that_do_not_fit_their_type_name_their_path(string from, string to, string path)
    {
        var bad = TypedData.Parse(LineQuoteJson.Replace(from, to, StringComparison.Ordinal));

        Assert.Equal(path, Assert.Throws<TypedDataException>(() => bad.SigningHash()).Path);
    }

    [Fact]
    public void Missing_and_mistyped_values_name_their_path()
    {
        var missing = TypedData.Parse(MailJson.Replace("\"wallet\": \"0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB\"", "\"purse\": \"0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB\""));
        var error = Assert.Throws<TypedDataException>(() => missing.SigningHash());
        Assert.Equal("message.to.wallet", error.Path);

        var mistyped = TypedData.Parse(MailJson.Replace("\"chainId\": 1", "\"chainId\": \"one\""));
        var typeError = Assert.Throws<TypedDataException>(() => mistyped.SigningHash());
        Assert.Equal("domain.chainId", typeError.Path);

        var undefined = Assert.Throws<TypedDataException>(() => TypedData.Parse(MailJson.Replace("\"primaryType\": \"Mail\"", "\"primaryType\": \"Letter\"")));
        Assert.Equal("primaryType", undefined.Path);
    }
}
