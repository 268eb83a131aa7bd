using System.Diagnostics;
using static Commerce.Chain.Crypto.Secp256k1Native;

namespace Commerce.Chain.Crypto;

/// <summary>
/// Entry points for the benchmarks project: sign N hashes through <see cref="EthPrivateKey"/>
/// and through a bare libsecp256k1 loop (same shared context, stack buffers, no checks, no
/// allocations) so the library's overhead can be measured against the native floor.
/// </summary>
public static unsafe class SigningBenchmarkHook
{
    /// <summary>Deterministic distinct 32-byte hashes: keccak256 of the index.</summary>
    public static byte[][] CreateHashes(int count)
    {
        var hashes = new byte[count][];
        for (var i = 0; i < count; i++)
            hashes[i] = Keccak256.Hash(BitConverter.GetBytes(i));
        return hashes;
    }

    /// <summary>Signs every hash with <see cref="EthPrivateKey.Sign"/>; returns the sum of the v values (so the work cannot be skipped).</summary>
    public static int SignWithLibrary(EthPrivateKey key, IReadOnlyList<byte[]> hashes)
    {
        var sum = 0;
        for (var i = 0; i < hashes.Count; i++)
            sum += key.Sign(hashes[i]).V;
        return sum;
    }

    /// <summary>The baseline: sign_recoverable + serialize_compact straight through P/Invoke.</summary>
    public static int SignWithBareLibsecp256k1(ReadOnlySpan<byte> secretKey32, IReadOnlyList<byte[]> hashes)
    {
        if (secretKey32.Length != 32)
            throw new ArgumentException("a secret key is 32 bytes", nameof(secretKey32));
        var context = Secp256k1.Context;
        byte* signature = stackalloc byte[RecoverableSignatureStructSize];
        byte* output = stackalloc byte[64];
        int recoveryId;
        var sum = 0;
        fixed (byte* k = secretKey32)
        {
            for (var i = 0; i < hashes.Count; i++)
            {
                fixed (byte* h = hashes[i])
                {
                    secp256k1_ecdsa_sign_recoverable(context, signature, h, k, IntPtr.Zero, IntPtr.Zero);
                    secp256k1_ecdsa_recoverable_signature_serialize_compact(context, output, &recoveryId, signature);
                }
                sum += 27 + recoveryId;
            }
        }
        return sum;
    }

    /// <summary>
    /// Runs both paths in alternating chunks of <paramref name="signaturesPerChunk"/> and reports
    /// throughput over all chunks plus the median of the per-chunk library/bare ratios. Pairing
    /// neighbouring chunks keeps the ratio meaningful on a machine shared with other work.
    /// </summary>
    public static SigningThroughput MeasureThroughput(int signaturesPerChunk, int chunks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(signaturesPerChunk, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunks, 1);
        var key = EthPrivateKey.Generate();
        var secret = key.ExportBytes();
        var hashes = CreateHashes(signaturesPerChunk);
        SignWithLibrary(key, hashes);
        SignWithBareLibsecp256k1(secret, hashes);
        var ratios = new double[chunks];
        TimeSpan libraryTotal = TimeSpan.Zero, bareTotal = TimeSpan.Zero;
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            var libraryFirst = chunk % 2 == 0;
            var first = Time(libraryFirst, key, secret, hashes);
            var second = Time(!libraryFirst, key, secret, hashes);
            var (library, bare) = libraryFirst ? (first, second) : (second, first);
            libraryTotal += library;
            bareTotal += bare;
            ratios[chunk] = bare / library;
        }
        Array.Sort(ratios);
        var total = (double)signaturesPerChunk * chunks;
        return new SigningThroughput(total / libraryTotal.TotalSeconds, total / bareTotal.TotalSeconds, ratios[chunks / 2]);
    }

    private static TimeSpan Time(bool library, EthPrivateKey key, byte[] secret, byte[][] hashes)
    {
        var start = Stopwatch.GetTimestamp();
        if (library)
            SignWithLibrary(key, hashes);
        else
            SignWithBareLibsecp256k1(secret, hashes);
        return Stopwatch.GetElapsedTime(start);
    }
}
