using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Commerce.Chain.Hex;

namespace Commerce.Chain.Crypto;

/// <summary>
/// A 20-byte Ethereum account address. Printed with the EIP-55 mixed-case checksum; parsed
/// strictly: 0x and 40 hex digits, and mixed-case input must carry a correct checksum (all
/// lower- or all upper-case input carries none and is accepted as it is).
/// </summary>
[JsonConverter(typeof(EthAddressJsonConverter))]
public sealed class EthAddress : IEquatable<EthAddress>
{
    public const int Length = 20;

    private readonly byte[] _bytes;
    private string? _checksummed;

    private EthAddress(byte[] bytes) => _bytes = bytes;

    public static EthAddress Zero { get; } = new(new byte[Length]);

    public ReadOnlySpan<byte> Bytes => _bytes;

    public byte[] ToBytes() => (byte[])_bytes.Clone();

    public static EthAddress FromBytes(ReadOnlySpan<byte> bytes, string field = "address")
    {
        if (bytes.Length != Length)
            throw new HexFormatException(field, $"an address is {Length} bytes, got {bytes.Length}");
        return new EthAddress(bytes.ToArray());
    }

    /// <summary>The address of a public key: the last 20 bytes of keccak256(X||Y).</summary>
    public static EthAddress FromPublicKey(EthPublicKey publicKey) => publicKey.Address;

    public static EthAddress Parse(string? text, string field = "address")
    {
        if (text is null)
            throw new HexFormatException(field, "is missing (null)");
        if (!text.StartsWith("0x", StringComparison.Ordinal))
            throw new HexFormatException(field, "an address must start with 0x");
        if (text.Length != 2 + 2 * Length)
            throw new HexFormatException(field, $"an address has 40 hex digits after 0x, got {text.Length - 2}");
        var bytes = HexString.Decode(text, field);
        var address = new EthAddress(bytes);
        var digits = text.AsSpan(2);
        var hasLower = digits.ContainsAny("abcdef");
        var hasUpper = digits.ContainsAny("ABCDEF");
        if (hasLower && hasUpper && !string.Equals(address.ToString(), text, StringComparison.Ordinal))
            throw new HexFormatException(field, $"\"{text}\" has mixed case that does not match its EIP-55 checksum (mistyped?)");
        return address;
    }

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out EthAddress? address)
    {
        try
        {
            address = Parse(text);
            return true;
        }
        catch (HexFormatException)
        {
            address = null;
            return false;
        }
    }

    /// <summary>Lower-case hex with 0x, as JSON-RPC nodes print addresses.</summary>
    public string ToLowerHex() => HexString.Encode(_bytes);

    /// <summary>The EIP-55 checksummed form.</summary>
    public override string ToString() => _checksummed ??= Checksum(_bytes);

    private static string Checksum(byte[] bytes)
    {
        var lower = Convert.ToHexStringLower(bytes);
        var hash = Keccak256.Hash(System.Text.Encoding.ASCII.GetBytes(lower));
        return string.Create(2 + lower.Length, (lower, hash), static (span, state) =>
        {
            span[0] = '0';
            span[1] = 'x';
            for (var i = 0; i < state.lower.Length; i++)
            {
                var c = state.lower[i];
                var nibble = (i % 2 == 0 ? state.hash[i / 2] >> 4 : state.hash[i / 2]) & 0x0f;
                span[2 + i] = c >= 'a' && nibble >= 8 ? char.ToUpperInvariant(c) : c;
            }
        });
    }

    public bool Equals(EthAddress? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => obj is EthAddress other && Equals(other);

    public override int GetHashCode() => BitConverter.ToInt32(_bytes, 16);

    public static bool operator ==(EthAddress? left, EthAddress? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(EthAddress? left, EthAddress? right) => !(left == right);
}
