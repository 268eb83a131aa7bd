using Commerce.Chain.Crypto;

namespace Commerce.Chain.Tests.Crypto;

public class SigningThroughputTests
{
    [Fact]
    public void The_library_signer_reaches_70_percent_of_a_bare_libsecp256k1_loop()
    {
        var (library, bare) = SigningBenchmarkHook.MeasureThroughput(signaturesPerRound: 1000, rounds: 7);
        Assert.True(library >= 0.7 * bare,
            $"expected the library signer to reach 70% of the bare loop: library {library:F0}/s, bare {bare:F0}/s ({library / bare:P0})");
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
