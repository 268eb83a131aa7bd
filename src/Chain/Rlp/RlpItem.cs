using System.Numerics;

namespace Commerce.Chain.Rlp;

/// <summary>
/// One RLP item: either a byte string or a list of items (the only two kinds RLP has).
/// Integers are byte strings holding the big-endian value with no leading zero bytes.
/// </summary>
public sealed class RlpItem
{
    private readonly byte[]? _bytes;
    private readonly RlpItem[]? _items;

    private RlpItem(byte[]? bytes, RlpItem[]? items)
    {
        _bytes = bytes;
        _items = items;
    }

    public static RlpItem Empty { get; } = new([], null);

    public static RlpItem EmptyList { get; } = new(null, []);

    public bool IsList => _items is not null;

    /// <summary>The bytes of a string item.</summary>
    public ReadOnlySpan<byte> Bytes =>
        _bytes ?? throw new RlpException("expected an RLP byte string, found a list");

    /// <summary>The children of a list item.</summary>
    public IReadOnlyList<RlpItem> Items =>
        _items ?? throw new RlpException("expected an RLP list, found a byte string");

    public static RlpItem String(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? Empty : new(bytes.ToArray(), null);

    public static RlpItem Utf8(string text) => new(System.Text.Encoding.UTF8.GetBytes(text), null);

    public static RlpItem List(params RlpItem[] items) => new(null, (RlpItem[])items.Clone());

    public static RlpItem List(IEnumerable<RlpItem> items) => new(null, items.ToArray());

    /// <summary>An unsigned integer: minimal big-endian bytes, zero is the empty string.</summary>
    public static RlpItem UInt(BigInteger value)
    {
        if (value.Sign < 0)
            throw new ArgumentOutOfRangeException(nameof(value), value, "RLP integers are unsigned");
        return value.IsZero ? Empty : new(value.ToByteArray(isUnsigned: true, isBigEndian: true), null);
    }

    public static RlpItem UInt(ulong value)
    {
        if (value == 0)
            return Empty;
        Span<byte> buffer = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(buffer, value);
        return new(buffer[(System.Numerics.BitOperations.LeadingZeroCount(value) / 8)..].ToArray(), null);
    }

    internal static RlpItem Wrap(byte[] bytes) => bytes.Length == 0 ? Empty : new(bytes, null);

    internal static RlpItem WrapList(RlpItem[] items) => new(null, items);

    /// <summary>A copy of the bytes of a string item; <paramref name="field"/> names it in errors.</summary>
    public byte[] ToBytes(string field = "item")
    {
        if (_bytes is null)
            throw new RlpException($"{field}: expected a byte string, found a list");
        return (byte[])_bytes.Clone();
    }

    /// <summary>Reads a canonical unsigned integer (no leading zero bytes).</summary>
    public BigInteger ToBigInteger(string field = "item")
    {
        if (_bytes is null)
            throw new RlpException($"{field}: expected an integer, found a list");
        if (_bytes.Length > 0 && _bytes[0] == 0)
            throw new RlpException($"{field}: integer has a leading zero byte (not canonical)");
        return new BigInteger(_bytes, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Reads a canonical unsigned integer that must fit in 64 bits.</summary>
    public ulong ToUInt64(string field = "item")
    {
        var value = ToBigInteger(field);
        if (value > ulong.MaxValue)
            throw new RlpException($"{field}: {value} does not fit in 64 bits");
        return (ulong)value;
    }

    public override string ToString() =>
        _bytes is not null
            ? "0x" + Convert.ToHexStringLower(_bytes)
            : "[" + string.Join(", ", _items!.Select(i => i.ToString())) + "]";
}
