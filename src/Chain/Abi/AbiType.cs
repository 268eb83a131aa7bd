namespace Commerce.Chain.Abi;

/// <summary>
/// A Solidity ABI type: uint&lt;M&gt;, int&lt;M&gt;, address, bool, bytes&lt;M&gt;, bytes, string,
/// T[k], T[] and tuples (T1,...,Tn). Parse it from its text ("uint256", "(address,uint96)[]",
/// "tuple(uint256 id, string name)"); <see cref="CanonicalName"/> is the form used in signatures.
/// </summary>
public sealed class AbiType
{
    private AbiType(AbiTypeKind kind, int size, AbiType? element, int? length, IReadOnlyList<AbiParameter> components)
    {
        Kind = kind;
        Size = size;
        Element = element;
        Length = length;
        Components = components;
        CanonicalName = kind switch
        {
            AbiTypeKind.UInt => $"uint{size}",
            AbiTypeKind.Int => $"int{size}",
            AbiTypeKind.Address => "address",
            AbiTypeKind.Bool => "bool",
            AbiTypeKind.FixedBytes => $"bytes{size}",
            AbiTypeKind.Bytes => "bytes",
            AbiTypeKind.String => "string",
            AbiTypeKind.Array => $"{element!.CanonicalName}[{length?.ToString(System.Globalization.CultureInfo.InvariantCulture)}]",
            _ => "(" + string.Join(",", components.Select(c => c.Type.CanonicalName)) + ")",
        };
        IsDynamic = kind switch
        {
            AbiTypeKind.Bytes or AbiTypeKind.String => true,
            AbiTypeKind.Array => length is null || element!.IsDynamic,
            AbiTypeKind.Tuple => components.Any(c => c.Type.IsDynamic),
            _ => false,
        };
        HeadSize = IsDynamic ? 32 : kind switch
        {
            AbiTypeKind.Array => length!.Value * element!.HeadSize,
            AbiTypeKind.Tuple => components.Sum(c => c.Type.HeadSize),
            _ => 32,
        };
    }

    public AbiTypeKind Kind { get; }

    /// <summary>Bits for uint/int, bytes for bytes&lt;M&gt;, 0 otherwise.</summary>
    public int Size { get; }

    /// <summary>The element type of an array.</summary>
    public AbiType? Element { get; }

    /// <summary>The length of a fixed-size array; null for T[].</summary>
    public int? Length { get; }

    /// <summary>The components of a tuple (empty for other kinds).</summary>
    public IReadOnlyList<AbiParameter> Components { get; }

    public string CanonicalName { get; }

    /// <summary>Dynamic types are written in the tail and referenced by an offset in the head.</summary>
    public bool IsDynamic { get; }

    /// <summary>Bytes this type takes in the head of an enclosing tuple.</summary>
    public int HeadSize { get; }

    public static AbiType UInt(int bits) => new(AbiTypeKind.UInt, CheckBits(bits), null, null, []);

    public static AbiType Int(int bits) => new(AbiTypeKind.Int, CheckBits(bits), null, null, []);

    public static AbiType Address { get; } = new(AbiTypeKind.Address, 0, null, null, []);

    public static AbiType Bool { get; } = new(AbiTypeKind.Bool, 0, null, null, []);

    public static AbiType Bytes { get; } = new(AbiTypeKind.Bytes, 0, null, null, []);

    public static AbiType String { get; } = new(AbiTypeKind.String, 0, null, null, []);

    public static AbiType FixedBytes(int size) => size is >= 1 and <= 32
        ? new(AbiTypeKind.FixedBytes, size, null, null, [])
        : throw new AbiException("type", $"bytes{size}: size must be 1 to 32");

    public static AbiType Array(AbiType element, int? length = null) => length is null or >= 0
        ? new(AbiTypeKind.Array, 0, element, length, [])
        : throw new AbiException("type", "array length cannot be negative");

    public static AbiType Tuple(params AbiParameter[] components) => new(AbiTypeKind.Tuple, 0, null, null, components.ToArray());

    public static AbiType Tuple(IEnumerable<AbiType> components) =>
        new(AbiTypeKind.Tuple, 0, null, null, components.Select(t => new AbiParameter("", t)).ToArray());

    /// <summary>Parses a type such as "uint256", "bytes32[]", "(address,uint256)[2]" or "tuple(uint256 a, bool b)".</summary>
    public static AbiType Parse(string text) => AbiSignatureParser.ParseType(text);

    /// <summary>Resolves an elementary type name ("uint", "address", "bytes7"...); null if it is not one.</summary>
    internal static AbiType? Elementary(string name)
    {
        switch (name)
        {
            case "address": return Address;
            case "bool": return Bool;
            case "bytes": return Bytes;
            case "string": return String;
            case "uint": return UInt(256);
            case "int": return Int(256);
            case "byte": return FixedBytes(1);
        }
        if (name.StartsWith("uint", StringComparison.Ordinal) && TryNumber(name[4..], out var ubits))
            return UInt(ubits);
        if (name.StartsWith("int", StringComparison.Ordinal) && TryNumber(name[3..], out var ibits))
            return Int(ibits);
        if (name.StartsWith("bytes", StringComparison.Ordinal) && TryNumber(name[5..], out var size))
            return FixedBytes(size);
        return null;
    }

    private static bool TryNumber(string digits, out int value) =>
        int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value)
        && digits.Length > 0 && digits[0] != '0';

    private static int CheckBits(int bits) => bits is >= 8 and <= 256 && bits % 8 == 0
        ? bits
        : throw new AbiException("type", $"integer size {bits} must be a multiple of 8 from 8 to 256");

    public override string ToString() => CanonicalName;
}
