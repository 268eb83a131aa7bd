using System.Numerics;
using System.Text;

namespace Commerce.Chain.Abi;

/// <summary>
/// The Solidity contract ABI encoding: each value takes 32-byte words; static values sit in the
/// head, dynamic ones (bytes, string, T[], and arrays/tuples holding them) in the tail, pointed to
/// from the head by their offset from the start of the enclosing tuple.
/// </summary>
public static class AbiEncoder
{
    /// <summary>Encodes <paramref name="values"/> as the tuple of <paramref name="types"/> (function arguments, return values, event data).</summary>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        var parameters = types.Select(t => new AbiParameter("", t)).ToArray();
        return Encode(parameters, values);
    }

    public static byte[] Encode(IReadOnlyList<AbiParameter> parameters, IReadOnlyList<object?> values)
    {
        if (values.Count != parameters.Count)
            throw new AbiException("values", $"{parameters.Count} parameter(s) need {parameters.Count} value(s), got {values.Count}");
        var output = new MemoryStream();
        WriteTuple(parameters, values, "", output);
        return output.ToArray();
    }

    /// <summary>Encodes one value of <paramref name="type"/> on its own (as a one-element tuple).</summary>
    public static byte[] EncodeValue(AbiType type, object? value) => Encode([type], [value]);

    /// <summary>The 32-byte word for a static elementary value (used for EIP-712 and event topics).</summary>
    public static byte[] EncodeWord(AbiType type, object? value, string path)
    {
        if (type.IsDynamic || type.Kind is AbiTypeKind.Array or AbiTypeKind.Tuple)
            throw new AbiException(path, $"{type} is not a single-word type");
        var output = new MemoryStream(32);
        WriteValue(type, value, path, output);
        return output.ToArray();
    }

    private static void WriteTuple(IReadOnlyList<AbiParameter> parameters, IReadOnlyList<object?> values, string path, MemoryStream output)
    {
        var headSize = parameters.Sum(p => p.Type.HeadSize);
        var tails = new List<byte[]>();
        var tailOffset = headSize;
        for (var i = 0; i < parameters.Count; i++)
        {
            var type = parameters[i].Type;
            var childPath = AbiValues.Child(path, parameters[i], i);
            if (type.IsDynamic)
            {
                WriteUInt(tailOffset, output);
                var tail = new MemoryStream();
                WriteValue(type, values[i], childPath, tail);
                var bytes = tail.ToArray();
                tails.Add(bytes);
                tailOffset += bytes.Length;
            }
            else
            {
                WriteValue(type, values[i], childPath, output);
            }
        }
        foreach (var tail in tails)
            output.Write(tail);
    }

    private static void WriteValue(AbiType type, object? value, string path, MemoryStream output)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt:
            {
                var integer = AbiValues.ToInteger(value, path);
                if (integer.Sign < 0 || integer.GetBitLength() > type.Size)
                    throw new AbiException(path, $"{integer} does not fit in {type}");
                WriteUInt(integer, output);
                break;
            }
            case AbiTypeKind.Int:
            {
                var integer = AbiValues.ToInteger(value, path);
                var limit = BigInteger.One << (type.Size - 1);
                if (integer < -limit || integer >= limit)
                    throw new AbiException(path, $"{integer} does not fit in {type}");
                WriteInt(integer, output);
                break;
            }
            case AbiTypeKind.Address:
                output.Write(new byte[12]);
                output.Write(AbiValues.ToAddress(value, path).Bytes);
                break;
            case AbiTypeKind.Bool:
                WriteUInt(AbiValues.ToBool(value, path) ? 1 : 0, output);
                break;
            case AbiTypeKind.FixedBytes:
            {
                var bytes = AbiValues.ToBytes(value, path);
                if (bytes.Length != type.Size)
                    throw new AbiException(path, $"{type} needs exactly {type.Size} bytes, got {bytes.Length}");
                WritePadded(bytes, output);
                break;
            }
            case AbiTypeKind.Bytes:
                WriteDynamicBytes(AbiValues.ToBytes(value, path), output);
                break;
            case AbiTypeKind.String:
                WriteDynamicBytes(Encoding.UTF8.GetBytes(AbiValues.ToText(value, path)), output);
                break;
            case AbiTypeKind.Array:
            {
                var items = AbiValues.ToList(value, path);
                if (type.Length is { } length && items.Count != length)
                    throw new AbiException(path, $"{type} needs exactly {length} elements, got {items.Count}");
                if (type.Length is null)
                    WriteUInt(items.Count, output);
                var elements = Enumerable.Repeat(new AbiParameter("", type.Element!), items.Count).ToArray();
                WriteTuple(elements, items, path, output);
                break;
            }
            case AbiTypeKind.Tuple:
                WriteTuple(type.Components, AbiValues.ToTuple(type.Components, value, path), path, output);
                break;
        }
    }

    private static void WriteDynamicBytes(byte[] bytes, MemoryStream output)
    {
        WriteUInt(bytes.Length, output);
        WritePadded(bytes, output);
    }

    private static void WritePadded(byte[] bytes, MemoryStream output)
    {
        output.Write(bytes);
        var padding = (32 - bytes.Length % 32) % 32;
        output.Write(new byte[padding]);
    }

    private static void WriteUInt(BigInteger value, MemoryStream output)
    {
        Span<byte> word = stackalloc byte[32];
        word.Clear();
        var count = value.GetByteCount(isUnsigned: true);
        value.TryWriteBytes(word[(32 - count)..], out _, isUnsigned: true, isBigEndian: true);
        output.Write(word);
    }

    private static void WriteInt(BigInteger value, MemoryStream output)
    {
        if (value.Sign >= 0)
        {
            WriteUInt(value, output);
            return;
        }
        WriteUInt((BigInteger.One << 256) + value, output);
    }
}
