using System.Numerics;
using System.Security.Cryptography;
using Commerce.Chain.Hex;

namespace Commerce.Chain.Crypto;

/// <summary>
/// A recoverable ECDSA signature: r, s (32 bytes each) and the y-parity (0 or 1) of the nonce
/// point. Printed as the 65-byte r||s||v with v = 27 + yParity, the form wallets return for
/// personal_sign and eth_signTypedData. Transactions carry the parity in their own way
/// (EIP-155 v, or yParity for typed transactions).
/// </summary>
public sealed class EthSignature : IEquatable<EthSignature>
{
    /// <summary>The order n of the secp256k1 group.</summary>
    public static readonly BigInteger CurveOrder = BigInteger.Parse("115792089237316195423570985008687907852837564279074904382605163141518161494337");

    private static readonly BigInteger HalfCurveOrder = CurveOrder >> 1;

    private readonly byte[] _rs;

    private EthSignature(byte[] rs, byte yParity)
    {
        _rs = rs;
        YParity = yParity;
    }

    public ReadOnlySpan<byte> R => _rs.AsSpan(0, 32);

    public ReadOnlySpan<byte> S => _rs.AsSpan(32, 32);

    public BigInteger RValue => new(R, isUnsigned: true, isBigEndian: true);

    public BigInteger SValue => new(S, isUnsigned: true, isBigEndian: true);

    /// <summary>0 or 1.</summary>
    public byte YParity { get; }

    /// <summary>27 or 28: the v of personal messages, typed data and pre-EIP-155 transactions.</summary>
    public byte V => (byte)(27 + YParity);

    /// <summary>True when s is in the lower half of the curve order, as EIP-2 requires of transactions.</summary>
    public bool IsLowS => SValue <= HalfCurveOrder;

    /// <summary>The v of an EIP-155 legacy transaction: chainId * 2 + 35 + yParity.</summary>
    public BigInteger Eip155V(BigInteger chainId) => chainId * 2 + 35 + YParity;

    internal static EthSignature FromTrusted(byte[] rs, byte yParity) => new(rs, yParity);

    public static EthSignature FromRsv(BigInteger r, BigInteger s, int yParity, string field = "signature")
    {
        var rs = new byte[64];
        WriteScalar(r, rs.AsSpan(0, 32), field + ".r");
        WriteScalar(s, rs.AsSpan(32, 32), field + ".s");
        return new EthSignature(rs, CheckParity(yParity, field));
    }

    public static EthSignature FromRsv(ReadOnlySpan<byte> r32, ReadOnlySpan<byte> s32, int yParity, string field = "signature")
    {
        if (r32.Length != 32 || s32.Length != 32)
            throw new HexFormatException(field, "r and s are 32 bytes each");
        return FromRsv(new BigInteger(r32, true, true), new BigInteger(s32, true, true), yParity, field);
    }

    /// <summary>Reads 65 bytes r||s||v; v may be 27/28 or 0/1 (some hardware wallets).</summary>
    public static EthSignature FromBytes(ReadOnlySpan<byte> bytes, string field = "signature")
    {
        if (bytes.Length != 65)
            throw new HexFormatException(field, $"a signature is 65 bytes (r, s, v), got {bytes.Length}");
        int v = bytes[64];
        var parity = v switch
        {
            27 or 28 => v - 27,
            0 or 1 => v,
            _ => throw new HexFormatException(field, $"v must be 27 or 28 (or 0 or 1), got {v}"),
        };
        return FromRsv(bytes[..32], bytes[32..64], parity, field);
    }

    public static EthSignature Parse(string hex, string field = "signature") => FromBytes(HexString.Decode(hex, field), field);

    /// <summary>r||s||v with v = 27 + yParity.</summary>
    public byte[] ToBytes() => [.. _rs, V];

    public string ToHex() => HexString.Encode(ToBytes());

    public override string ToString() => ToHex();

    /// <summary>The public key that produced this signature over <paramref name="hash32"/>.</summary>
    public EthPublicKey RecoverPublicKey(ReadOnlySpan<byte> hash32)
    {
        if (hash32.Length != 32)
            throw new ArgumentException($"a signed hash is 32 bytes, got {hash32.Length}", nameof(hash32));
        var xy = new byte[64];
        if (!Secp256k1.TryRecover(hash32, _rs, YParity, xy))
            throw new CryptographicException("signature: no public key recovers from this signature and hash");
        return new EthPublicKey(xy);
    }

    public EthAddress RecoverAddress(ReadOnlySpan<byte> hash32) => RecoverPublicKey(hash32).Address;

    public bool Equals(EthSignature? other) =>
        other is not null && YParity == other.YParity && _rs.AsSpan().SequenceEqual(other._rs);

    public override bool Equals(object? obj) => obj is EthSignature other && Equals(other);

    public override int GetHashCode() => BitConverter.ToInt32(_rs, 0) ^ YParity;

    private static void WriteScalar(BigInteger value, Span<byte> destination, string field)
    {
        if (value.Sign <= 0 || value >= CurveOrder)
            throw new HexFormatException(field, "must be between 1 and the curve order minus 1");
        value.TryWriteBytes(destination[(32 - value.GetByteCount(isUnsigned: true))..], out _, isUnsigned: true, isBigEndian: true);
    }

    private static byte CheckParity(int yParity, string field) => yParity is 0 or 1
        ? (byte)yParity
        : throw new HexFormatException(field, $"y-parity must be 0 or 1, got {yParity}");
}
