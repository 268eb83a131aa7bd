using System.Numerics;
using Nethereum.ABI;
using Nethereum.ABI.Model;

namespace Commerce.Chain.Abi;

/// <summary>
/// Checks the static words of ABI data before Nethereum decodes it. Nethereum reads the low bytes of a
/// word and ignores the rest, so an address with dirty high bytes, a uint16 with bits above 16 or a bool
/// of 2 decode as if they were clean; Solidity's own decoder refuses them, and so do we.
/// Dynamic values (bytes, string, arrays) are read by offset and left to Nethereum.
/// </summary>
public static class CanonicalWords
{
    /// <summary>Throws <see cref="AbiException"/> naming the first value of <paramref name="data"/> that is not canonical.</summary>
    public static void Check(IReadOnlyList<Parameter> parameters, ReadOnlySpan<byte> data, string field)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var position = 0;
        foreach (var parameter in parameters)
            position = CheckHead(parameter.ABIType, data, position, $"{field}.{Name(parameter)}");
    }

    /// <summary>Checks one 32-byte word holding a value of <paramref name="type"/> (an indexed event topic).</summary>
    public static void CheckWord(ABIType type, ReadOnlySpan<byte> word, string field)
    {
        if (word.Length != 32)
            throw new AbiException(field, $"a word is 32 bytes, got {word.Length}");
        if (!IsDynamic(type) && type is not TupleType && type is not ArrayType)
            CheckHead(type, word, 0, field);
    }

    private static int CheckHead(ABIType type, ReadOnlySpan<byte> data, int position, string field)
    {
        if (IsDynamic(type))
        {
            Word(data, position, field);
            return position + 32;
        }
        switch (type)
        {
            case TupleType tuple:
                foreach (var component in tuple.Components)
                    position = CheckHead(component.ABIType, data, position, $"{field}.{Name(component)}");
                return position;
            case StaticArrayType array:
                for (var i = 0; i < StrictArguments.StaticLength(array); i++)
                    position = CheckHead(array.ElementType, data, position, $"{field}[{i}]");
                return position;
        }
        var word = Word(data, position, field);
        var name = type.CanonicalName;
        if (name == "address")
            RequireZeros(word[..12], field, "an address has 12 zero bytes before its 20");
        else if (name == "bool")
            RequireZeros(word[..31], field, "a bool is 0 or 1", word[31] > 1);
        else if (name.StartsWith("uint", StringComparison.Ordinal))
            RequireZeros(word[..(32 - int.Parse(name.AsSpan(4)) / 8)], field, $"the value does not fit in {name}");
        else if (name.StartsWith("int", StringComparison.Ordinal))
            CheckSignExtension(word, int.Parse(name.AsSpan(3)) / 8, field, name);
        else if (StrictArguments.FixedBytesSize(type) is { } size)
            RequireZeros(word[size..], field, $"{name} is padded with zero bytes on the right");
        return position + 32;
    }

    private static bool IsDynamic(ABIType type) => type.IsDynamic();

    private static ReadOnlySpan<byte> Word(ReadOnlySpan<byte> data, int position, string field) =>
        position + 32 <= data.Length
            ? data.Slice(position, 32)
            : throw new AbiException(field, $"the data ends at byte {data.Length}, before the word at {position}");

    private static void RequireZeros(ReadOnlySpan<byte> padding, string field, string rule, bool alsoBad = false)
    {
        if (alsoBad || padding.IndexOfAnyExcept((byte)0) >= 0)
            throw new AbiException(field, $"not canonical: {rule}");
    }

    private static void CheckSignExtension(ReadOnlySpan<byte> word, int size, string field, string name)
    {
        var value = new BigInteger(word, isUnsigned: false, isBigEndian: true);
        var limit = BigInteger.One << (size * 8 - 1);
        if (value < -limit || value >= limit)
            throw new AbiException(field, $"not canonical: the value does not fit in {name}");
    }

    private static string Name(Parameter parameter) => string.IsNullOrEmpty(parameter.Name) ? $"#{parameter.Order}" : parameter.Name;
}
