using Commerce.Chain.Crypto;
using Xunit.Abstractions;

namespace Commerce.Chain.Tests.Crypto;

[Collection(nameof(TimingSensitive))]
public class SigningThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public void The_library_signer_reaches_70_percent_of_a_bare_libsecp256k1_loop()
    {
        var result = SigningBenchmarkHook.MeasureThroughput(signaturesPerChunk: 100, chunks: 41);
        output.WriteLine($"library {result.LibraryPerSecond:F0}/s, bare {result.BarePerSecond:F0}/s, median ratio {result.MedianRatio:P1}");
        Assert.True(result.MedianRatio >= 0.7,
            $"expected the library signer to reach 70% of the bare loop: median ratio {result.MedianRatio:P0} " +
            $"(library {result.LibraryPerSecond:F0}/s, bare {result.BarePerSecond:F0}/s)");
    }

    [Fact]
    public void Both_benchmark_paths_produce_the_same_signatures()
    {
        var key = EthPrivateKey.Generate();
        var hashes = SigningBenchmarkHook.CreateHashes(20);
        Assert.Equal(SigningBenchmarkHook.SignWithLibrary(key, hashes),
            SigningBenchmarkHook.SignWithBareLibsecp256k1(key.ExportBytes(), hashes));
    }
}
