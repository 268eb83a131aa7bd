using System.Reflection;
using System.Runtime.InteropServices;

namespace Commerce.Chain.Crypto;

/// <summary>
/// P/Invoke declarations for libsecp256k1 (with its recovery module). Opaque structs are passed
/// as pointers to 64/65-byte buffers, exactly as large as the C headers declare them.
/// </summary>
internal static unsafe partial class Secp256k1Native
{
    internal const string Library = "secp256k1";
    internal const uint ContextNone = 1;
    internal const uint EcUncompressed = 1 << 1;
    internal const uint EcCompressed = (1 << 1) | (1 << 8);
    internal const int PublicKeyStructSize = 64;
    internal const int RecoverableSignatureStructSize = 65;

    static Secp256k1Native() =>
        NativeLibrary.SetDllImportResolver(typeof(Secp256k1Native).Assembly, Resolve);

    /// <summary>Forces the resolver to be registered before the first native call.</summary>
    internal static void EnsureResolver() { }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library)
            return IntPtr.Zero;
        // The runtime package ships libsecp256k1.so.1; the -dev package adds libsecp256k1.so.
        foreach (var candidate in new[] { "libsecp256k1.so.1", "libsecp256k1.so", "libsecp256k1.dylib", "libsecp256k1" })
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle))
                return handle;
        }
        return IntPtr.Zero;
    }

    [LibraryImport(Library)]
    internal static partial IntPtr secp256k1_context_create(uint flags);

    [LibraryImport(Library)]
    internal static partial int secp256k1_context_randomize(IntPtr context, byte* seed32);

    [LibraryImport(Library)]
    internal static partial int secp256k1_ec_seckey_verify(IntPtr context, byte* secretKey32);

    [LibraryImport(Library)]
    internal static partial int secp256k1_ec_pubkey_create(IntPtr context, byte* publicKey, byte* secretKey32);

    [LibraryImport(Library)]
    internal static partial int secp256k1_ec_pubkey_parse(IntPtr context, byte* publicKey, byte* input, nuint inputLength);

    [LibraryImport(Library)]
    internal static partial int secp256k1_ec_pubkey_serialize(IntPtr context, byte* output, nuint* outputLength, byte* publicKey, uint flags);

    [LibraryImport(Library)]
    internal static partial int secp256k1_ecdsa_sign_recoverable(IntPtr context, byte* signature, byte* messageHash32, byte* secretKey32, IntPtr nonceFunction, IntPtr nonceData);

    [LibraryImport(Library)]
    internal static partial int secp256k1_ecdsa_recoverable_signature_serialize_compact(IntPtr context, byte* output64, int* recoveryId, byte* signature);

    [LibraryImport(Library)]
    internal static partial int secp256k1_ecdsa_recoverable_signature_parse_compact(IntPtr context, byte* signature, byte* input64, int recoveryId);

    [LibraryImport(Library)]
    internal static partial int secp256k1_ecdsa_recover(IntPtr context, byte* publicKey, byte* signature, byte* messageHash32);
}
