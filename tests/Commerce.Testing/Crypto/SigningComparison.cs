using System.Diagnostics;
using Commerce.Chain.Crypto;

namespace Commerce.Testing.Crypto;

/// <summary>
/// Times a signer against the bare libsecp256k1 loop (<see cref="BareSecp256k1"/>) on the same key and hashes.
/// The signer is given as "sign this hash, return v", so whichever path the executor signs through is measured.
/// </summary>
public static class SigningComparison
{
    /// <summary>Deterministic distinct 32-byte hashes: keccak256 of the index.</summary>
    public static byte[][] CreateHashes(int count)
    {
        var hashes = new byte[count][];
        for (var i = 0; i < count; i++)
            hashes[i] = Keccak256.Hash(BitConverter.GetBytes(i));
        return hashes;
    }

    /// <summary>
    /// Runs both paths in alternating chunks of <paramref name="signaturesPerChunk"/> and reports throughput over all
    /// chunks plus the median of the per-chunk signer/bare ratios. Pairing neighbouring chunks keeps the ratio
    /// meaningful on a machine shared with other work.
    /// </summary>
    public static SigningThroughput Measure(EthPrivateKey key, Func<byte[], int> sign, int signaturesPerChunk, int chunks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(signaturesPerChunk, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunks, 1);
        var secret = key.ExportBytes();
        var hashes = CreateHashes(signaturesPerChunk);
        SignAll(sign, hashes);
        BareSecp256k1.SignAll(secret, hashes);
        var ratios = new double[chunks];
        TimeSpan signerTotal = TimeSpan.Zero, bareTotal = TimeSpan.Zero;
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            var signerFirst = chunk % 2 == 0;
            var first = Time(signerFirst, sign, secret, hashes);
            var second = Time(!signerFirst, sign, secret, hashes);
            var (signer, bare) = signerFirst ? (first, second) : (second, first);
            signerTotal += signer;
            bareTotal += bare;
            ratios[chunk] = bare / signer;
        }
        Array.Sort(ratios);
        var total = (double)signaturesPerChunk * chunks;
        return new SigningThroughput(total / signerTotal.TotalSeconds, total / bareTotal.TotalSeconds, ratios[chunks / 2]);
    }

    /// <summary>Signs every hash through <paramref name="sign"/>; returns the sum of the v values.</summary>
    public static int SignAll(Func<byte[], int> sign, IReadOnlyList<byte[]> hashes)
    {
        var sum = 0;
        for (var i = 0; i < hashes.Count; i++)
            sum += sign(hashes[i]);
        return sum;
    }

    private static TimeSpan Time(bool signer, Func<byte[], int> sign, byte[] secret, byte[][] hashes)
    {
        var start = Stopwatch.GetTimestamp();
        if (signer)
            SignAll(sign, hashes);
        else
            BareSecp256k1.SignAll(secret, hashes);
        return Stopwatch.GetElapsedTime(start);
    }
}
