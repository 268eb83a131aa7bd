using System.Numerics;
using Nethereum.ABI;
using Nethereum.ABI.Model;

namespace Commerce.Chain.Abi;

/// <summary>
/// Checks and converts values from outside (a CLI's JSON, a caller's objects) into what Nethereum's encoder
/// takes for each parameter. Nethereum pads a short address or truncates an oversized integer without a word;
/// here a value that does not fit its type is an <see cref="AbiException"/> naming it ("[0]", "offers[1].price").
/// </summary>
public static class StrictArguments
{
    public static object[] Convert(IReadOnlyList<Parameter> parameters, IReadOnlyList<object?> values, string path = "")
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != parameters.Count)
            throw new AbiException(path.Length == 0 ? "arguments" : path, $"{parameters.Count} value(s) expected, got {values.Count}");
        return parameters.Select((p, i) => ConvertValue(p.ABIType, values[i], AbiValues.Child(path, p, i))).ToArray();
    }

    /// <summary>One value of <paramref name="type"/>, named <paramref name="path"/> in errors.</summary>
    public static object ConvertValue(ABIType type, object? value, string path)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (FixedBytesSize(type) is { } size)
        {
            var bytes = AbiValues.ToBytes(value, path);
            return bytes.Length == size ? bytes : throw new AbiException(path, $"{type.Name} is {size} bytes, got {bytes.Length}");
        }
        switch (type)
        {
            case TupleType tuple:
                return Convert(tuple.Components, AbiValues.ToTuple(tuple.Components, value, path), path);
            case ArrayType array:
                var items = AbiValues.ToList(value, path);
                if (StaticLength(array) is { } length && items.Count != length)
                    throw new AbiException(path, $"{type.Name} needs {length} values, got {items.Count}");
                return items.Select((item, i) => ConvertValue(array.ElementType, item, $"{path}[{i}]")).ToList();
            case AddressType:
                return AbiValues.ToAddress(value, path).ToString();
            case BoolType:
                return AbiValues.ToBool(value, path);
            case StringType:
                return AbiValues.ToText(value, path);
            case BytesType:
                return AbiValues.ToBytes(value, path);
            case IntType:
                return FitInteger(type.Name, AbiValues.ToInteger(value, path), path);
            default:
                throw new AbiException(path, $"values of type {type.Name} are not supported");
        }
    }

    /// <summary>N of bytesN, else null.</summary>
    public static int? FixedBytesSize(ABIType type) =>
        type is not ArrayType && type.Name.StartsWith("bytes", StringComparison.Ordinal) && type.Name.Length > 5 && int.TryParse(type.Name.AsSpan(5), out var n) ? n : null;

    /// <summary>k of T[k], else null (Nethereum's FixedSize of a static array counts bytes, not elements).</summary>
    public static int? StaticLength(ArrayType array) =>
        array is StaticArrayType && array.Name.EndsWith(']') && int.TryParse(array.Name.AsSpan(array.Name.LastIndexOf('[') + 1)[..^1], out var k) ? k : null;

    private static BigInteger FitInteger(string name, BigInteger value, string path)
    {
        var signed = !name.StartsWith('u');
        var bits = int.Parse(name.AsSpan(signed ? 3 : 4));
        var (min, max) = signed
            ? (-(BigInteger.One << (bits - 1)), (BigInteger.One << (bits - 1)) - 1)
            : (BigInteger.Zero, (BigInteger.One << bits) - 1);
        return value >= min && value <= max ? value : throw new AbiException(path, $"{value} does not fit in {name}");
    }
}
