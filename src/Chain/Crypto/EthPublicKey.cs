using Commerce.Chain.Hex;

namespace Commerce.Chain.Crypto;

/// <summary>A secp256k1 public key, held as its 64-byte X||Y coordinates.</summary>
public sealed class EthPublicKey : IEquatable<EthPublicKey>
{
    private readonly byte[] _xy;
    private EthAddress? _address;

    internal EthPublicKey(byte[] xy) => _xy = xy;

    /// <summary>Accepts 64 bytes (X||Y), 65 bytes (0x04||X||Y) or 33 bytes (compressed); the point must be on the curve.</summary>
    public static EthPublicKey FromBytes(ReadOnlySpan<byte> bytes, string field = "publicKey")
    {
        var xy = new byte[64];
        if (!Secp256k1.TryParsePublicKey(bytes, xy))
            throw new HexFormatException(field, $"is not a secp256k1 public key ({bytes.Length} bytes; expected 33, 64 or 65 bytes of a point on the curve)");
        return new EthPublicKey(xy);
    }

    public static EthPublicKey FromHex(string hex, string field = "publicKey") => FromBytes(HexString.Decode(hex, field), field);

    /// <summary>The last 20 bytes of keccak256(X||Y).</summary>
    public EthAddress Address => _address ??= EthAddress.FromBytes(Keccak256.Hash(_xy).AsSpan(12));

    /// <summary>X||Y, 64 bytes.</summary>
    public byte[] ToBytes() => (byte[])_xy.Clone();

    /// <summary>SEC1 uncompressed form, 0x04||X||Y (65 bytes).</summary>
    public byte[] ToUncompressed() => [0x04, .. _xy];

    /// <summary>SEC1 compressed form (33 bytes).</summary>
    public byte[] ToCompressed() => Secp256k1.Compress(_xy);

    /// <summary>0x04||X||Y in hex.</summary>
    public override string ToString() => HexString.Encode(ToUncompressed());

    public bool Equals(EthPublicKey? other) => other is not null && _xy.AsSpan().SequenceEqual(other._xy);

    public override bool Equals(object? obj) => obj is EthPublicKey other && Equals(other);

    public override int GetHashCode() => BitConverter.ToInt32(_xy, 0);
}
