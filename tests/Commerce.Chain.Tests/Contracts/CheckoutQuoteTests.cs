using System.Numerics;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Chain.Signing;
using Nethereum.Signer.EIP712;

namespace Commerce.Chain.Tests.Contracts;

/// <summary>The quote's digest, signature and strict recovery, without a node (QuoteSigningTests checks them against the contract).</summary>
public class CheckoutQuoteTests
{
    private static readonly EthAddress Checkout = EthAddress.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    private static readonly EthPrivateKey Signer = EthPrivateKey.FromBytes(Keccak256.HashUtf8("quote signer"));

    private static CheckoutQuote Quote() => new()
    {
        Collection = EthAddress.Parse("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512"),
        TokenId = 42,
        Buyer = EthAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"),
        Currency = EthAddress.Zero,
        Price = 52_500_000_000_000_000,
        Installments = 3,
        Expiry = 1_800_000_000,
        Nonce = Keccak256.HashUtf8("nonce"),
    };

    [Fact]
    public void The_struct_digest_equals_the_digest_of_the_wallet_json()
    {
        var quote = Quote();

        Assert.Equal(quote.SigningHash(31337, Checkout), TypedData.Parse(QuoteJson.For(quote, 31337, Checkout)).SigningHash());
        Assert.NotEqual(quote.SigningHash(31337, Checkout), quote.SigningHash(1, Checkout));
    }

    public static TheoryData<string> EdgeQuotes => ["zeros", "maxima", "usual"];

    [Theory]
    [MemberData(nameof(EdgeQuotes))]
    public void The_struct_hash_equals_the_one_of_nethereums_typed_data_encoder(string which)
    {
        var max256 = BigInteger.Pow(2, 256) - 1;
        var quote = which switch
        {
            "zeros" => Quote() with { Collection = EthAddress.Zero, TokenId = 0, Buyer = EthAddress.Zero, Price = 0, Installments = 0, Expiry = 0, Nonce = new byte[32] },
            "maxima" => Quote() with
            {
                Collection = EthAddress.Parse("0xffffffffffffffffffffffffffffffffffffffff"), TokenId = max256, Price = max256,
                Installments = ushort.MaxValue, Expiry = ulong.MaxValue, Nonce = Enumerable.Repeat((byte)0xff, 32).ToArray(),
            },
            _ => Quote(),
        };

        var expected = Nethereum.ABI.EIP712.Eip712TypedDataEncoder.Current.HashStruct(quote.ToStruct(), CheckoutQuote.TypeName, typeof(Commerce.Chain.Contracts.Messages.QuoteStruct));

        Assert.Equal(HexString.Encode(expected), HexString.Encode(quote.HashStruct()));
        Assert.Equal(quote.SigningHash(31337, Checkout), TypedData.Parse(QuoteJson.For(quote, 31337, Checkout)).SigningHash());
    }

    [Fact]
    public void A_signature_recovers_to_its_signer_and_is_bound_to_every_field()
    {
        var quote = Quote();
        var signature = quote.Sign(Signer, 31337, Checkout).ToHex();

        Assert.Equal(Signer.Address, quote.RecoverSigner(signature, 31337, Checkout));
        Assert.NotEqual(Signer.Address, (quote with { Installments = 2 }).RecoverSigner(signature, 31337, Checkout));
    }

    [Fact]
    public void A_high_s_signature_that_nethereum_alone_recovers_is_refused()
    {
        var quote = Quote();
        var low = quote.Sign(Signer, 31337, Checkout);
        var high = EthSignature.FromRsv(low.RValue, EthSignature.CurveOrder - low.SValue, 1 - low.YParity).ToHex();

        var lenient = new Eip712TypedDataSigner().RecoverFromSignatureHashV4(quote.SigningHash(31337, Checkout), high);

        Assert.Equal(Signer.Address, EthAddress.Parse(lenient));
        var error = Assert.Throws<HexFormatException>(() => quote.RecoverSigner(high, 31337, Checkout));
        Assert.Equal("signature", error.Field);
    }
}
