using System.Security.Cryptography;
using static Commerce.Chain.Crypto.Secp256k1Native;

namespace Commerce.Chain.Crypto;

/// <summary>
/// The one secp256k1 context of the process, created and randomized once. libsecp256k1 only
/// reads a context after creation, so every thread may use it at the same time without locks.
/// Signing uses the library's default nonce: RFC 6979 deterministic k, and the library always
/// returns the lower-half s that Ethereum requires (EIP-2).
/// </summary>
internal static unsafe class Secp256k1
{
    internal static readonly IntPtr Context = CreateContext();

    private static IntPtr CreateContext()
    {
        EnsureResolver();
        IntPtr context;
        try
        {
            context = secp256k1_context_create(ContextNone);
        }
        catch (DllNotFoundException e)
        {
            throw new DllNotFoundException(
                "libsecp256k1 (with the recovery module) is required; install the libsecp256k1 package (Debian: libsecp256k1-dev)", e);
        }
        if (context == IntPtr.Zero)
            throw new CryptographicException("secp256k1_context_create failed");
        Span<byte> seed = stackalloc byte[32];
        RandomNumberGenerator.Fill(seed);
        fixed (byte* s = seed)
        {
            if (secp256k1_context_randomize(context, s) != 1)
                throw new CryptographicException("secp256k1_context_randomize failed");
        }
        return context;
    }

    internal static bool IsValidSecretKey(ReadOnlySpan<byte> secretKey)
    {
        if (secretKey.Length != 32)
            return false;
        fixed (byte* k = secretKey)
            return secp256k1_ec_seckey_verify(Context, k) == 1;
    }

    /// <summary>Writes the 64-byte X||Y public key of <paramref name="secretKey"/>.</summary>
    internal static void CreatePublicKey(ReadOnlySpan<byte> secretKey, Span<byte> xy64)
    {
        byte* pub = stackalloc byte[PublicKeyStructSize];
        fixed (byte* k = secretKey)
        {
            if (secp256k1_ec_pubkey_create(Context, pub, k) != 1)
                throw new CryptographicException("secp256k1_ec_pubkey_create rejected the secret key");
        }
        SerializeUncompressed(pub, xy64);
    }

    /// <summary>Parses 33-, 64- (bare X||Y) or 65-byte public keys into X||Y; false when not on the curve.</summary>
    internal static bool TryParsePublicKey(ReadOnlySpan<byte> input, Span<byte> xy64)
    {
        if (input.Length != 33 && input.Length != 64 && input.Length != 65)
            return false;
        scoped Span<byte> source = stackalloc byte[input.Length == 64 ? 65 : input.Length];
        if (input.Length == 64)
        {
            source[0] = 0x04;
            input.CopyTo(source[1..]);
        }
        else
        {
            input.CopyTo(source);
        }
        byte* pub = stackalloc byte[PublicKeyStructSize];
        fixed (byte* i = source)
        {
            if (secp256k1_ec_pubkey_parse(Context, pub, i, (nuint)source.Length) != 1)
                return false;
        }
        SerializeUncompressed(pub, xy64);
        return true;
    }

    internal static byte[] Compress(ReadOnlySpan<byte> xy64)
    {
        Span<byte> sec1 = stackalloc byte[65];
        sec1[0] = 0x04;
        xy64.CopyTo(sec1[1..]);
        byte* pub = stackalloc byte[PublicKeyStructSize];
        var output = new byte[33];
        fixed (byte* i = sec1)
        fixed (byte* o = output)
        {
            if (secp256k1_ec_pubkey_parse(Context, pub, i, 65) != 1)
                throw new CryptographicException("public key is not on the curve");
            nuint length = 33;
            secp256k1_ec_pubkey_serialize(Context, o, &length, pub, EcCompressed);
        }
        return output;
    }

    /// <summary>Signs a 32-byte hash: writes r||s into <paramref name="rs64"/> and returns the recovery id (0 or 1).</summary>
    internal static int Sign(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> secretKey, Span<byte> rs64)
    {
        byte* signature = stackalloc byte[RecoverableSignatureStructSize];
        int recoveryId;
        fixed (byte* h = hash32)
        fixed (byte* k = secretKey)
        fixed (byte* o = rs64)
        {
            if (secp256k1_ecdsa_sign_recoverable(Context, signature, h, k, IntPtr.Zero, IntPtr.Zero) != 1)
                throw new CryptographicException("secp256k1_ecdsa_sign_recoverable failed");
            secp256k1_ecdsa_recoverable_signature_serialize_compact(Context, o, &recoveryId, signature);
        }
        return recoveryId;
    }

    /// <summary>Recovers the X||Y public key that signed <paramref name="hash32"/>; false when none does.</summary>
    internal static bool TryRecover(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> rs64, int recoveryId, Span<byte> xy64)
    {
        byte* signature = stackalloc byte[RecoverableSignatureStructSize];
        byte* pub = stackalloc byte[PublicKeyStructSize];
        fixed (byte* h = hash32)
        fixed (byte* rs = rs64)
        {
            if (secp256k1_ecdsa_recoverable_signature_parse_compact(Context, signature, rs, recoveryId) != 1)
                return false;
            if (secp256k1_ecdsa_recover(Context, pub, signature, h) != 1)
                return false;
        }
        SerializeUncompressed(pub, xy64);
        return true;
    }

    private static void SerializeUncompressed(byte* pub, Span<byte> xy64)
    {
        byte* output = stackalloc byte[65];
        nuint length = 65;
        secp256k1_ec_pubkey_serialize(Context, output, &length, pub, EcUncompressed);
        new ReadOnlySpan<byte>(output + 1, 64).CopyTo(xy64);
    }
}
