using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace Commerce.Chain.Crypto;

/// <summary>
/// Keccak-256 as Ethereum uses it (the original Keccak padding, not FIPS-202 SHA3-256).
/// One digest per thread is reused, so hashing allocates at most the 32-byte result.
/// </summary>
public static class Keccak256
{
    public const int HashLength = 32;

    [ThreadStatic]
    private static KeccakDigest? _digest;

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var output = new byte[HashLength];
        Hash(data, output);
        return output;
    }

    public static byte[] Hash(byte[] data) => Hash(data.AsSpan());

    public static byte[] HashUtf8(string text) => Hash(Encoding.UTF8.GetBytes(text));

    /// <summary>Hashes <paramref name="data"/> into the first 32 bytes of <paramref name="output"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output)
    {
        if (output.Length < HashLength)
            throw new ArgumentException($"output must have room for {HashLength} bytes", nameof(output));
        var digest = _digest ??= new KeccakDigest(256);
        digest.BlockUpdate(data);
        digest.DoFinal(output);
    }
}
