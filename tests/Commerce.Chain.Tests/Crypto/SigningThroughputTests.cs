using Commerce.Chain.Crypto;
using Commerce.Chain.Transactions;
using Commerce.Testing.Crypto;
using Xunit.Abstractions;

namespace Commerce.Chain.Tests.Crypto;

[Collection(nameof(TimingSensitive))]
public class SigningThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public void The_library_signer_reaches_70_percent_of_a_bare_libsecp256k1_loop()
    {
        var key = EthPrivateKey.Generate();
        var result = SigningComparison.Measure(key, hash => key.Sign(hash).V, signaturesPerChunk: 100, chunks: 41);
        output.WriteLine($"library {result.SignerPerSecond:F0}/s, bare {result.BarePerSecond:F0}/s, median ratio {result.MedianRatio:P1}");
        Assert.True(result.MedianRatio >= 0.7,
            $"expected the library signer to reach 70% of the bare loop: median ratio {result.MedianRatio:P0} " +
            $"(library {result.SignerPerSecond:F0}/s, bare {result.BarePerSecond:F0}/s)");
    }

    [Fact]
    public void Signing_through_nethereums_external_signer_interface_reaches_70_percent_of_a_bare_libsecp256k1_loop()
    {
        var key = EthPrivateKey.Generate();
        var signer = new Secp256k1ExternalSigner(key);
        var result = SigningComparison.Measure(key, hash => signer.SignAsync(hash).GetAwaiter().GetResult().V[0], signaturesPerChunk: 100, chunks: 41);
        output.WriteLine($"external signer {result.SignerPerSecond:F0}/s, bare {result.BarePerSecond:F0}/s, median ratio {result.MedianRatio:P1}");
        Assert.True(result.MedianRatio >= 0.7,
            $"expected the external signer to reach 70% of the bare loop: median ratio {result.MedianRatio:P0} " +
            $"(signer {result.SignerPerSecond:F0}/s, bare {result.BarePerSecond:F0}/s)");
    }

    [Fact]
    public void The_library_signer_gives_the_same_signatures_as_bare_libsecp256k1()
    {
        var key = EthPrivateKey.Generate();
        foreach (var hash in SigningComparison.CreateHashes(20))
        {
            var (rs, recoveryId) = BareSecp256k1.Sign(key.ExportBytes(), hash);
            var ours = key.Sign(hash).ToBytes();
            Assert.Equal(rs, ours[..64]);
            Assert.Equal(27 + recoveryId, ours[64]);
        }
    }
}
