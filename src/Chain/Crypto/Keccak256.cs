using System.Buffers;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace Commerce.Chain.Crypto;

/// <summary>
/// Keccak-256 as Ethereum uses it (the original Keccak padding, not FIPS-202 SHA3-256).
/// One digest per thread is reused, so hashing allocates only the 32-byte result.
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
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(data.Length, HashLength));
        try
        {
            data.CopyTo(rented);
            digest.BlockUpdate(rented, 0, data.Length);
            digest.DoFinal(rented, 0);
            rented.AsSpan(0, HashLength).CopyTo(output);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
