using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Nethereum.ABI.EIP712;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Commerce.Chain.Tests.Signing;

/// <summary>
/// The "Mail" example of EIP-712 as C# [Struct] types, the way our quotes are hashed: Nethereum's typed-data
/// encoder gives the digest, our libsecp256k1 signer the signature.
/// </summary>
public class Eip712StructTests
{
    [Struct("Person")]
    public sealed class Person
    {
        [Parameter("string", "name", 1)]
        public string Name { get; set; } = "";

        [Parameter("address", "wallet", 2)]
        public string Wallet { get; set; } = "";
    }

    [Struct("Mail")]
    public sealed class Mail
    {
        [Parameter("tuple", "from", 1, "Person")]
        public Person From { get; set; } = new();

        [Parameter("tuple", "to", 2, "Person")]
        public Person To { get; set; } = new();

        [Parameter("string", "contents", 3)]
        public string Contents { get; set; } = "";
    }

    private static readonly EthPrivateKey Cow = EthPrivateKey.FromBytes(Keccak256.HashUtf8("cow"));

    private static readonly Mail Message = new()
    {
        From = new Person { Name = "Cow", Wallet = "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826" },
        To = new Person { Name = "Bob", Wallet = "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB" },
        Contents = "Hello, Bob!",
    };

    private static TypedData<Domain> Definition() => new()
    {
        Domain = new Domain { Name = "Ether Mail", Version = "1", ChainId = 1, VerifyingContract = "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC" },
        Types = MemberDescriptionFactory.GetTypesMemberDescription(typeof(Domain), typeof(Mail), typeof(Person)),
        PrimaryType = "Mail",
    };

    public static TheoryData<string, string> SpecHashes => new()
    {
        { "domainSeparator", "0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f" },
        { "hashStruct(message)", "0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e" },
        { "signing hash", "0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2" },
    };

    [Theory]
    [MemberData(nameof(SpecHashes))]
    public void The_mail_struct_hashes_to_the_spec_values(string which, string expected)
    {
        var hashes = Eip712TypedDataEncoder.Current.CalculateTypedDataHashes(Message, Definition());

        var actual = which switch
        {
            "domainSeparator" => hashes.DomainHash,
            "hashStruct(message)" => hashes.MessageHash,
            _ => hashes.TypedDataHash,
        };
        Assert.Equal(expected, HexString.Encode(actual));
    }

    [Fact]
    public void The_mail_struct_has_the_spec_type_encoding()
    {
        var encoded = Eip712TypedDataEncoder.Current.GetEncodedType("Mail", typeof(Mail), typeof(Person));

        Assert.Equal("Mail(Person from,Person to,string contents)Person(string name,address wallet)", encoded);
        Assert.Equal("0xa0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2", HexString.Encode(Keccak256.HashUtf8(encoded)));
    }

    [Fact]
    public void Our_signer_signs_nethereums_digest_to_the_spec_signature()
    {
        var digest = Eip712TypedDataEncoder.Current.EncodeAndHashTypedData(Message, Definition());

        var signature = Cow.Sign(digest);

        Assert.Equal(28, signature.V);
        Assert.Equal("4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d", Convert.ToHexStringLower(signature.R));
        Assert.Equal("07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562", Convert.ToHexStringLower(signature.S));
    }
}
