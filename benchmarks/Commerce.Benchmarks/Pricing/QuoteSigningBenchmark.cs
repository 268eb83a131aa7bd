using System.Numerics;
using BenchmarkDotNet.Attributes;
using Commerce.Chain.Contracts;
using Commerce.Chain.Contracts.Messages;
using Commerce.Chain.Crypto;
using Nethereum.ABI.EIP712;

namespace Commerce.Benchmarks.Pricing;

/// <summary>
/// The EIP-712 digest of one Checkout quote, as live pricing computes it for every offered item, and the signature.
/// Baseline: the digest with Nethereum's typed-data encoder hashing the struct (it walks <see cref="QuoteStruct"/> by
/// reflection on every hash), the domain separator cached as in ours. Run: ./run bench --filter '*QuoteSigning*'.
/// </summary>
[MemoryDiagnoser]
public class QuoteSigningBenchmark
{
    private static readonly EthAddress Checkout = EthAddress.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    private static readonly BigInteger ChainId = 31337;
    private readonly EthPrivateKey _signer = EthPrivateKey.FromBytes(Keccak256.HashUtf8("benchmark quote signer"));
    private CheckoutQuote _quote = null!;
    private byte[] _domainSeparator = null!;

    [GlobalSetup]
    public void Setup()
    {
        _quote = new CheckoutQuote
        {
            Collection = EthAddress.Parse("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512"),
            TokenId = 42,
            Buyer = EthAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"),
            Currency = EthAddress.Zero,
            Price = 52_500_000_000_000_000,
            Expiry = 1_800_000_000,
            Nonce = Keccak256.HashUtf8("nonce"),
        };
        _domainSeparator = CheckoutQuote.DomainSeparator(ChainId, Checkout);
    }

    [Benchmark(Baseline = true)]
    public byte[] DigestThroughNethereumsTypedDataEncoder() =>
        Keccak256.Hash([0x19, 0x01, .. _domainSeparator, .. Eip712TypedDataEncoder.Current.HashStruct(_quote.ToStruct(), CheckoutQuote.TypeName, typeof(QuoteStruct))]);

    [Benchmark]
    public byte[] Digest() => _quote.SigningHash(ChainId, Checkout);

    [Benchmark]
    public EthSignature DigestAndSignature() => _quote.Sign(_signer, ChainId, Checkout);
}
