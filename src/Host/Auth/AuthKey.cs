using System.Security.Cryptography;
using System.Text;

namespace Commerce.Host.Auth;

/// <summary>
/// One configured secret and the keys derived from it (HKDF-SHA256, one label per use), so a token key never MACs a
/// nonce and the other way round. <see cref="Id"/> is the JWT "kid": derived too, it says which secret without telling it.
/// </summary>
public sealed class AuthKey
{
    private AuthKey(byte[] secret)
    {
        Id = Convert.ToHexStringLower(Derive(secret, "commerce/auth/key-id", 8));
        TokenKey = Derive(secret, "commerce/auth/jwt-hs256", 32);
        NonceKey = Derive(secret, "commerce/auth/siwe-nonce", 32);
    }

    public string Id { get; }

    /// <summary>Signs and checks bearer tokens (HS256).</summary>
    public byte[] TokenKey { get; }

    /// <summary>MACs sign-in nonces.</summary>
    public byte[] NonceKey { get; }

    public static AuthKey From(byte[] secret) => new(secret);

    /// <summary>The key id only: an <see cref="AuthKey"/> written to a log says which key, never the key.</summary>
    public override string ToString() => $"AuthKey({Id})";

    private static byte[] Derive(byte[] secret, string label, int length) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, length, salt: null, info: Encoding.ASCII.GetBytes(label));
}
