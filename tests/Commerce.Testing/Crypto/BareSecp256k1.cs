using System.Runtime.InteropServices;

namespace Commerce.Testing.Crypto;

/// <summary>
/// libsecp256k1 called straight, without our library: its own context, function pointers to
/// <c>secp256k1_ecdsa_sign_recoverable</c> and <c>..._serialize_compact</c>, stack buffers, no checks.
/// The floor our signer is measured against, and the reference its signatures are compared with.
/// </summary>
public static unsafe class BareSecp256k1
{
    private const uint ContextNone = 1;
    private const int RecoverableSignatureStructSize = 65;

    private static readonly delegate* unmanaged<IntPtr, byte*, byte*, byte*, IntPtr, IntPtr, int> SignRecoverable;
    private static readonly delegate* unmanaged<IntPtr, byte*, int*, byte*, int> SerializeCompact;
    private static readonly IntPtr Context;

    static BareSecp256k1()
    {
        var library = Load();
        var create = (delegate* unmanaged<uint, IntPtr>)NativeLibrary.GetExport(library, "secp256k1_context_create");
        SignRecoverable = (delegate* unmanaged<IntPtr, byte*, byte*, byte*, IntPtr, IntPtr, int>)NativeLibrary.GetExport(library, "secp256k1_ecdsa_sign_recoverable");
        SerializeCompact = (delegate* unmanaged<IntPtr, byte*, int*, byte*, int>)NativeLibrary.GetExport(library, "secp256k1_ecdsa_recoverable_signature_serialize_compact");
        Context = create(ContextNone);
    }

    /// <summary>Signs one hash: r||s (64 bytes) and the recovery id.</summary>
    public static (byte[] Rs, int RecoveryId) Sign(ReadOnlySpan<byte> secretKey32, ReadOnlySpan<byte> hash32)
    {
        RequireLength(secretKey32, 32, nameof(secretKey32));
        RequireLength(hash32, 32, nameof(hash32));
        byte* signature = stackalloc byte[RecoverableSignatureStructSize];
        var rs = new byte[64];
        int recoveryId;
        fixed (byte* k = secretKey32)
        fixed (byte* h = hash32)
        fixed (byte* o = rs)
        {
            if (SignRecoverable(Context, signature, h, k, IntPtr.Zero, IntPtr.Zero) != 1)
                throw new InvalidOperationException("secp256k1_ecdsa_sign_recoverable failed");
            SerializeCompact(Context, o, &recoveryId, signature);
        }
        return (rs, recoveryId);
    }

    /// <summary>The loop: signs every hash; returns the sum of the v values (27 + recovery id), so the work cannot be skipped.</summary>
    public static int SignAll(ReadOnlySpan<byte> secretKey32, IReadOnlyList<byte[]> hashes)
    {
        RequireLength(secretKey32, 32, nameof(secretKey32));
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
                    SignRecoverable(Context, signature, h, k, IntPtr.Zero, IntPtr.Zero);
                    SerializeCompact(Context, output, &recoveryId, signature);
                }
                sum += 27 + recoveryId;
            }
        }
        return sum;
    }

    private static void RequireLength(ReadOnlySpan<byte> value, int length, string name)
    {
        if (value.Length != length)
            throw new ArgumentException($"{name} is {length} bytes, got {value.Length}", name);
    }

    private static IntPtr Load()
    {
        // The runtime package ships libsecp256k1.so.1; the -dev package adds libsecp256k1.so.
        foreach (var candidate in new[] { "libsecp256k1.so.1", "libsecp256k1.so", "libsecp256k1.dylib", "libsecp256k1" })
        {
            if (NativeLibrary.TryLoad(candidate, out var handle))
                return handle;
        }
        throw new DllNotFoundException("libsecp256k1 (with the recovery module) is required; install the libsecp256k1 package");
    }
}
