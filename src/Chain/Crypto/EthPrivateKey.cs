using System.Security.Cryptography;
using Commerce.Chain.Hex;

namespace Commerce.Chain.Crypto;

/// <summary>
/// A secp256k1 secret key (32 bytes, 0 &lt; k &lt; n). Signs 32-byte hashes with RFC 6979
/// deterministic nonces and low s. <see cref="ToString"/> never prints the key.
/// </summary>
public sealed class EthPrivateKey
{
    private readonly byte[] _key;
    private EthPublicKey? _publicKey;

    private EthPrivateKey(byte[] key) => _key = key;

    /// <summary>A new key from the operating system's CSPRNG.</summary>
    public static EthPrivateKey Generate()
    {
        var key = new byte[32];
        do
        {
            RandomNumberGenerator.Fill(key);
        }
        while (!Secp256k1.IsValidSecretKey(key));
        return new EthPrivateKey(key);
    }

    public static EthPrivateKey FromHex(string hex, string field = "privateKey") =>
        FromBytes(HexString.DecodeFixed(hex, 32, field), field);

    public static EthPrivateKey FromBytes(ReadOnlySpan<byte> bytes, string field = "privateKey")
    {
        if (bytes.Length != 32)
            throw new HexFormatException(field, $"a private key is 32 bytes, got {bytes.Length}");
        if (!Secp256k1.IsValidSecretKey(bytes))
            throw new HexFormatException(field, "is not a valid secp256k1 secret key (it must be greater than zero and below the curve order)");
        return new EthPrivateKey(bytes.ToArray());
    }

    public EthPublicKey PublicKey
    {
        get
        {
            if (_publicKey is null)
            {
                var xy = new byte[64];
                Secp256k1.CreatePublicKey(_key, xy);
                _publicKey = new EthPublicKey(xy);
            }
            return _publicKey;
        }
    }

    public EthAddress Address => PublicKey.Address;

    /// <summary>Signs a 32-byte hash (the caller hashes: transactions, EIP-191 and EIP-712 each define how).</summary>
    public EthSignature Sign(ReadOnlySpan<byte> hash32)
    {
        if (hash32.Length != 32)
            throw new ArgumentException($"a hash to sign is 32 bytes, got {hash32.Length}", nameof(hash32));
        var rs = new byte[64];
        var recoveryId = Secp256k1.Sign(hash32, _key, rs);
        return EthSignature.FromTrusted(rs, (byte)recoveryId);
    }

    /// <summary>The secret key in hex. Handle with care: this is the whole secret.</summary>
    public string ExportHex() => HexString.Encode(_key);

    /// <summary>A copy of the 32 secret bytes.</summary>
    public byte[] ExportBytes() => (byte[])_key.Clone();

    public override string ToString() => $"EthPrivateKey({Address})";
}
