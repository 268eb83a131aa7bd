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

    internal static TypedData MailFromBuilder()
    {
        var domain = new Eip712Domain
        {
            Name = "Ether Mail",
            Version = "1",
            ChainId = 1,
            VerifyingContract = EthAddress.Parse("0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"),
        };
        TypedStructBuilder Person(string name, string wallet) =>
            new TypedStructBuilder("Person").Field("name", "string", name).Field("wallet", "address", EthAddress.Parse(wallet));
        return new TypedStructBuilder("Mail")
            .Field("from", Person("Cow", "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"))
            .Field("to", Person("Bob", "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"))
            .Field("contents", "string", "Hello, Bob!")
            .ToTypedData(domain);
    }

    public static TheoryData<string> Sources => new() { "json", "builder" };

    private static TypedData Mail(string source) => source == "json" ? TypedData.Parse(MailJson) : MailFromBuilder();

    [Theory]
    [MemberData(nameof(Sources))]
    public void The_mail_example_has_the_spec_type_encoding(string source)
    {
        var mail = Mail(source);
        Assert.Equal("Mail(Person from,Person to,string contents)Person(string name,address wallet)", mail.EncodeType("Mail"));
        Assert.Equal("0xa0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2", HexString.Encode(mail.TypeHash("Mail")));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void The_mail_example_has_the_spec_hashes(string source)
    {
        var mail = Mail(source);
        Assert.Equal("0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f", HexString.Encode(mail.DomainSeparator()));
        Assert.Equal("0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e", HexString.Encode(mail.MessageHash()));
        Assert.Equal("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2", HexString.Encode(mail.SigningHash()));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void The_mail_example_signs_to_the_spec_signature(string source)
    {
        Assert.Equal("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826", Cow.Address.ToString());
        var signature = Mail(source).Sign(Cow);
        Assert.Equal(28, signature.V);
        Assert.Equal("4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d", Convert.ToHexStringLower(signature.R));
        Assert.Equal("07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562", Convert.ToHexStringLower(signature.S));
        Assert.Equal(Cow.Address, Mail(source).RecoverSigner(signature.ToHex()));
    }

    [Fact]
    public void Written_json_reads_back_to_the_same_hash()
    {
        var mail = MailFromBuilder();
        Assert.Equal(mail.SigningHash(), TypedData.Parse(mail.ToJson()).SigningHash());
    }

    [Fact]
    public void A_price_quote_with_an_array_of_line_items_hashes_and_round_trips_through_json()
    {
        var domain = new Eip712Domain { Name = "Commerce", Version = "1", ChainId = 31337, VerifyingContract = EthAddress.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3") };
        TypedStructBuilder Line(BigInteger itemId, BigInteger price) =>
            new TypedStructBuilder("Line").Field("itemId", "uint256", itemId).Field("price", "uint256", price);
        var quote = new TypedStructBuilder("PriceQuote")
            .Field("buyer", "address", EthAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"))
            .Field("lines", "Line", [Line(42, BigInteger.Parse("100000000000000000000")), Line(7, 5)])
            .Field("expiresAt", "uint64", 1_900_000_000UL)
            .Field("quoteId", "bytes32", Keccak256.HashUtf8("quote-1"))
            .ToTypedData(domain);

        Assert.Equal("PriceQuote(address buyer,Line[] lines,uint64 expiresAt,bytes32 quoteId)Line(uint256 itemId,uint256 price)", quote.EncodeType("PriceQuote"));
        var json = quote.ToJson();
        Assert.Contains("\"100000000000000000000\"", json);
        Assert.Equal(quote.SigningHash(), TypedData.Parse(json).SigningHash());

        var key = EthPrivateKey.Generate();
        Assert.Equal(key.Address, quote.RecoverSigner(quote.Sign(key).ToHex()));
    }

    [Fact]
    public void A_changed_field_changes_the_signing_hash()
    {
        var domain = new Eip712Domain { Name = "Commerce", ChainId = 1 };
        var a = new TypedStructBuilder("Quote").Field("price", "uint256", 100).ToTypedData(domain);
        var b = new TypedStructBuilder("Quote").Field("price", "uint256", 101).ToTypedData(domain);
        var c = new TypedStructBuilder("Quote").Field("price", "uint256", 100).ToTypedData(domain with { ChainId = 2 });
        Assert.NotEqual(a.SigningHash(), b.SigningHash());
        Assert.NotEqual(a.SigningHash(), c.SigningHash());
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
