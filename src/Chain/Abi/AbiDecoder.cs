using System.Numerics;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.Abi;

/// <summary>
/// Decodes ABI data strictly, the way Solidity's ABI coder v2 checks its input: values must fit
/// their type (clean high bits, bool 0 or 1, zero padding), offsets and lengths must stay inside
/// the data. Results: BigInteger for uint/int, EthAddress, bool, byte[] for bytes and bytesN,
/// string, and object?[] for arrays and tuples.
/// </summary>
public static class AbiDecoder
{
    public static object?[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data) =>
        Decode(types.Select(t => new AbiParameter("", t)).ToArray(), data);

    public static object?[] Decode(IReadOnlyList<AbiParameter> parameters, ReadOnlySpan<byte> data) =>
        ReadTuple(parameters, data, 0, "");

    public static object? DecodeValue(AbiType type, ReadOnlySpan<byte> data) => Decode([type], data)[0];

    /// <summary>Decodes one static elementary value from a 32-byte word (an indexed event topic).</summary>
    internal static object? DecodeWord(AbiType type, ReadOnlySpan<byte> word, string path) => ReadValue(type, word, 0, path);

    private static object?[] ReadTuple(IReadOnlyList<AbiParameter> parameters, ReadOnlySpan<byte> data, int start, string path)
    {
        var values = new object?[parameters.Count];
        var head = start;
        for (var i = 0; i < parameters.Count; i++)
        {
            var type = parameters[i].Type;
            var childPath = AbiValues.Child(path, parameters[i], i);
            if (type.IsDynamic)
            {
                var offset = ReadLength(data, head, childPath, "offset");
                var target = (long)start + offset;
                if (target > data.Length)
                    throw new AbiException(childPath, $"offset {offset} points past the end of the data ({data.Length} bytes)");
                values[i] = ReadValue(type, data, (int)target, childPath);
            }
            else
            {
                values[i] = ReadValue(type, data, head, childPath);
            }
            head += type.HeadSize;
        }
        return values;
    }

    private static object? ReadValue(AbiType type, ReadOnlySpan<byte> data, int position, string path)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt:
            {
                var value = new BigInteger(Word(data, position, path), isUnsigned: true, isBigEndian: true);
                if (value.GetBitLength() > type.Size)
                    throw new AbiException(path, $"value does not fit in {type} (dirty high bits)");
                return value;
            }
            case AbiTypeKind.Int:
            {
                var value = new BigInteger(Word(data, position, path), isUnsigned: false, isBigEndian: true);
                var limit = BigInteger.One << (type.Size - 1);
                if (value < -limit || value >= limit)
                    throw new AbiException(path, $"value does not fit in {type} (bad sign extension)");
                return value;
            }
            case AbiTypeKind.Address:
            {
                var word = Word(data, position, path);
                if (word[..12].ContainsAnyExcept((byte)0))
                    throw new AbiException(path, "address has non-zero high bytes");
                return EthAddress.FromBytes(word[12..]);
            }
            case AbiTypeKind.Bool:
            {
                var word = Word(data, position, path);
                if (word[..31].ContainsAnyExcept((byte)0) || word[31] > 1)
                    throw new AbiException(path, "bool must be 0 or 1");
                return word[31] == 1;
            }
            case AbiTypeKind.FixedBytes:
            {
                var word = Word(data, position, path);
                if (word[type.Size..].ContainsAnyExcept((byte)0))
                    throw new AbiException(path, $"{type} has non-zero padding");
                return word[..type.Size].ToArray();
            }
            case AbiTypeKind.Bytes:
                return ReadDynamicBytes(data, position, path);
            case AbiTypeKind.String:
            {
                var bytes = ReadDynamicBytes(data, position, path);
                try
                {
                    return AbiValues.StrictUtf8.GetString(bytes);
                }
                catch (System.Text.DecoderFallbackException)
                {
                    throw new AbiException(path, "string is not valid UTF-8");
                }
            }
            case AbiTypeKind.Array:
            {
                var count = type.Length ?? ReadLength(data, position, path, "array length");
                var start = type.Length is null ? position + 32 : position;
                // Every element takes at least one word: refuse lengths the data cannot hold.
                if ((long)count * Math.Max(32, type.Element!.HeadSize) > data.Length - start)
                    throw new AbiException(path, $"array of {count} elements does not fit in the data");
                var elements = Enumerable.Repeat(new AbiParameter("", type.Element!), count).ToArray();
                return ReadTuple(elements, data, start, path);
            }
            case AbiTypeKind.Tuple:
                return ReadTuple(type.Components, data, position, path);
            default:
                throw new AbiException(path, $"unsupported type {type}");
        }
    }

    private static byte[] ReadDynamicBytes(ReadOnlySpan<byte> data, int position, string path)
    {
        var length = ReadLength(data, position, path, "length");
        var start = (long)position + 32;
        if (start + length > data.Length)
            throw new AbiException(path, $"{length} bytes declared but only {Math.Max(0, data.Length - start)} remain");
        return data.Slice((int)start, length).ToArray();
    }

    private static int ReadLength(ReadOnlySpan<byte> data, int position, string path, string what)
    {
        var word = Word(data, position, path);
        var value = new BigInteger(word, isUnsigned: true, isBigEndian: true);
        if (value > int.MaxValue)
            throw new AbiException(path, $"{what} {value} is too large");
        return (int)value;
    }

    private static ReadOnlySpan<byte> Word(ReadOnlySpan<byte> data, int position, string path)
    {
        if (position < 0 || (long)position + 32 > data.Length)
            throw new AbiException(path, $"data ends at {data.Length} bytes; a 32-byte word was expected at {position}");
        return data.Slice(position, 32);
    }
}
