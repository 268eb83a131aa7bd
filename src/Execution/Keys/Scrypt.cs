using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace Commerce.Execution.Keys;

/// <summary>
/// scrypt (RFC 7914). Written out because keystores in the wild (the Web3 Secret Storage test
/// vector among them) use N = 2^18 with r = 1, which BouncyCastle 1.8 refuses.
/// </summary>
public static class Scrypt
{
    public static byte[] DeriveKey(byte[] password, byte[] salt, int n, int r, int p, int dkLen)
    {
        if (n < 2 || !BitOperations.IsPow2(n))
            throw new ArgumentOutOfRangeException(nameof(n), n, "must be a power of 2 above 1");
        if (r < 1 || p < 1 || (long)r * p >= 1 << 30)
            throw new ArgumentOutOfRangeException(nameof(r), r, "r and p must be positive and r * p < 2^30");
        if ((long)128 * r * n > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(n), n, "needs more memory than one array holds");
        var blockBytes = 128 * r;
        var b = Rfc2898DeriveBytes.Pbkdf2(password, salt, 1, HashAlgorithmName.SHA256, p * blockBytes);
        var words = blockBytes / 4;
        var x = new uint[words];
        var v = new uint[words * n];
        var scratch = new uint[words];
        for (var lane = 0; lane < p; lane++)
        {
            var span = b.AsSpan(lane * blockBytes, blockBytes);
            for (var i = 0; i < words; i++)
                x[i] = BinaryPrimitives.ReadUInt32LittleEndian(span[(i * 4)..]);
            RoMix(x, v, scratch, r, n);
            for (var i = 0; i < words; i++)
                BinaryPrimitives.WriteUInt32LittleEndian(span[(i * 4)..], x[i]);
        }
        return Rfc2898DeriveBytes.Pbkdf2(password, b, 1, HashAlgorithmName.SHA256, dkLen);
    }

    private static void RoMix(uint[] x, uint[] v, uint[] scratch, int r, int n)
    {
        var words = x.Length;
        for (var i = 0; i < n; i++)
        {
            Array.Copy(x, 0, v, i * words, words);
            BlockMix(x, scratch, r);
        }
        for (var i = 0; i < n; i++)
        {
            var j = (int)(x[(2 * r - 1) * 16] & (uint)(n - 1));
            for (var k = 0; k < words; k++)
                x[k] ^= v[j * words + k];
            BlockMix(x, scratch, r);
        }
    }

    private static void BlockMix(uint[] b, uint[] y, int r)
    {
        Span<uint> x = stackalloc uint[16];
        b.AsSpan((2 * r - 1) * 16, 16).CopyTo(x);
        for (var i = 0; i < 2 * r; i++)
        {
            for (var k = 0; k < 16; k++)
                x[k] ^= b[i * 16 + k];
            Salsa208(x);
            // Even blocks go to the first half of the output, odd ones to the second.
            x.CopyTo(y.AsSpan(((i & 1) * r + (i >> 1)) * 16, 16));
        }
        Array.Copy(y, b, b.Length);
    }

    private static void Salsa208(Span<uint> b)
    {
        uint x0 = b[0], x1 = b[1], x2 = b[2], x3 = b[3], x4 = b[4], x5 = b[5], x6 = b[6], x7 = b[7],
             x8 = b[8], x9 = b[9], x10 = b[10], x11 = b[11], x12 = b[12], x13 = b[13], x14 = b[14], x15 = b[15];
        for (var i = 0; i < 8; i += 2)
        {
            x4 ^= BitOperations.RotateLeft(x0 + x12, 7); x8 ^= BitOperations.RotateLeft(x4 + x0, 9);
            x12 ^= BitOperations.RotateLeft(x8 + x4, 13); x0 ^= BitOperations.RotateLeft(x12 + x8, 18);
            x9 ^= BitOperations.RotateLeft(x5 + x1, 7); x13 ^= BitOperations.RotateLeft(x9 + x5, 9);
            x1 ^= BitOperations.RotateLeft(x13 + x9, 13); x5 ^= BitOperations.RotateLeft(x1 + x13, 18);
            x14 ^= BitOperations.RotateLeft(x10 + x6, 7); x2 ^= BitOperations.RotateLeft(x14 + x10, 9);
            x6 ^= BitOperations.RotateLeft(x2 + x14, 13); x10 ^= BitOperations.RotateLeft(x6 + x2, 18);
            x3 ^= BitOperations.RotateLeft(x15 + x11, 7); x7 ^= BitOperations.RotateLeft(x3 + x15, 9);
            x11 ^= BitOperations.RotateLeft(x7 + x3, 13); x15 ^= BitOperations.RotateLeft(x11 + x7, 18);
            x1 ^= BitOperations.RotateLeft(x0 + x3, 7); x2 ^= BitOperations.RotateLeft(x1 + x0, 9);
            x3 ^= BitOperations.RotateLeft(x2 + x1, 13); x0 ^= BitOperations.RotateLeft(x3 + x2, 18);
            x6 ^= BitOperations.RotateLeft(x5 + x4, 7); x7 ^= BitOperations.RotateLeft(x6 + x5, 9);
            x4 ^= BitOperations.RotateLeft(x7 + x6, 13); x5 ^= BitOperations.RotateLeft(x4 + x7, 18);
            x11 ^= BitOperations.RotateLeft(x10 + x9, 7); x8 ^= BitOperations.RotateLeft(x11 + x10, 9);
            x9 ^= BitOperations.RotateLeft(x8 + x11, 13); x10 ^= BitOperations.RotateLeft(x9 + x8, 18);
            x12 ^= BitOperations.RotateLeft(x15 + x14, 7); x13 ^= BitOperations.RotateLeft(x12 + x15, 9);
            x14 ^= BitOperations.RotateLeft(x13 + x12, 13); x15 ^= BitOperations.RotateLeft(x14 + x13, 18);
        }
        b[0] += x0; b[1] += x1; b[2] += x2; b[3] += x3; b[4] += x4; b[5] += x5; b[6] += x6; b[7] += x7;
        b[8] += x8; b[9] += x9; b[10] += x10; b[11] += x11; b[12] += x12; b[13] += x13; b[14] += x14; b[15] += x15;
    }
}
