using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Nethereum.ABI.Model;

namespace Commerce.Chain.Abi;

/// <summary>
/// Turns the .NET values callers pass into what each ABI kind needs. Accepted: integers of any
/// .NET type, BigInteger and numeric strings (decimal or 0x) for uint/int; EthAddress or its
/// string for address; byte[] or 0x strings for bytes; lists for arrays; lists or dictionaries
/// keyed by component name for tuples; and JsonElement for all of them. Each refuses what does not
/// fit and names the value (<see cref="StrictArguments"/>).
/// </summary>
internal static class AbiValues
{
    public static BigInteger ToInteger(object? value, string path) => value switch
    {
        BigInteger b => b,
        int i => i,
        long l => l,
        uint u => u,
        ulong u => u,
        short s => s,
        ushort s => s,
        byte b => b,
        sbyte s => s,
        Int128 i => i,
        UInt128 u => u,
        decimal d when decimal.Truncate(d) == d => new BigInteger(d),
        string text => ParseInteger(text, path),
        JsonElement { ValueKind: JsonValueKind.Number } e => BigInteger.Parse(e.GetRawText(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        JsonElement { ValueKind: JsonValueKind.String } e => ParseInteger(e.GetString()!, path),
        null => throw new AbiException(path, "is missing (null)"),
        _ => throw new AbiException(path, $"expected an integer, got {Describe(value)}"),
    };

    public static EthAddress ToAddress(object? value, string path)
    {
        try
        {
            return value switch
            {
                EthAddress a => a,
                string text => EthAddress.Parse(text, path),
                byte[] bytes => EthAddress.FromBytes(bytes, path),
                JsonElement { ValueKind: JsonValueKind.String } e => EthAddress.Parse(e.GetString(), path),
                null => throw new AbiException(path, "is missing (null)"),
                _ => throw new AbiException(path, $"expected an address, got {Describe(value)}"),
            };
        }
        catch (HexFormatException e)
        {
            throw new AbiException(path, e.Message[(e.Field.Length + 2)..]);
        }
    }

    public static bool ToBool(object? value, string path) => value switch
    {
        bool b => b,
        JsonElement { ValueKind: JsonValueKind.True } => true,
        JsonElement { ValueKind: JsonValueKind.False } => false,
        null => throw new AbiException(path, "is missing (null)"),
        _ => throw new AbiException(path, $"expected a bool, got {Describe(value)}"),
    };

    public static byte[] ToBytes(object? value, string path)
    {
        try
        {
            return value switch
            {
                byte[] bytes => bytes,
                ReadOnlyMemory<byte> memory => memory.ToArray(),
                string text when text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) => HexString.Decode(text, path),
                string => throw new AbiException(path, "bytes given as a string must be 0x-prefixed hex"),
                JsonElement { ValueKind: JsonValueKind.String } e => ToBytes(e.GetString(), path),
                null => throw new AbiException(path, "is missing (null)"),
                _ => throw new AbiException(path, $"expected bytes, got {Describe(value)}"),
            };
        }
        catch (HexFormatException e)
        {
            throw new AbiException(path, e.Message[(e.Field.Length + 2)..]);
        }
    }

    public static string ToText(object? value, string path) => value switch
    {
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString()!,
        null => throw new AbiException(path, "is missing (null)"),
        _ => throw new AbiException(path, $"expected a string, got {Describe(value)}"),
    };

    public static IReadOnlyList<object?> ToList(object? value, string path) => value switch
    {
        null => throw new AbiException(path, "is missing (null)"),
        string or byte[] => throw new AbiException(path, $"expected a list, got {Describe(value)}"),
        JsonElement { ValueKind: JsonValueKind.Array } e => e.EnumerateArray().Select(x => (object?)x).ToArray(),
        JsonElement e => throw new AbiException(path, $"expected a JSON array, got {e.ValueKind}"),
        IReadOnlyList<object?> list => list,
        IEnumerable items => items.Cast<object?>().ToArray(),
        _ => throw new AbiException(path, $"expected a list, got {Describe(value)}"),
    };

    /// <summary>The values of a tuple's components, in order: from a list, or by name from a dictionary or JSON object.</summary>
    public static IReadOnlyList<object?> ToTuple(IReadOnlyList<Parameter> components, object? value, string path)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> named:
                return components.Select(c => named.TryGetValue(c.Name, out var v) ? v : throw new AbiException($"{path}.{c.Name}", "is missing")).ToArray();
            case JsonElement { ValueKind: JsonValueKind.Object } json:
                return components.Select(c => json.TryGetProperty(c.Name, out var v) ? (object?)v : throw new AbiException($"{path}.{c.Name}", "is missing")).ToArray();
            default:
                var list = ToList(value, path);
                if (list.Count != components.Count)
                    throw new AbiException(path, $"a tuple of {components.Count} components needs {components.Count} values, got {list.Count}");
                return list;
        }
    }

    public static string Child(string path, Parameter parameter, int index) =>
        !string.IsNullOrEmpty(parameter.Name) ? (path.Length == 0 ? parameter.Name : $"{path}.{parameter.Name}") : $"{path}[{index}]";

    private static BigInteger ParseInteger(string text, string path)
    {
        var negative = text.StartsWith('-');
        var digits = negative ? text[1..] : text;
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var magnitude = HexString.DecodeQuantity(digits, path);
                return negative ? -magnitude : magnitude;
            }
            catch (HexFormatException e)
            {
                throw new AbiException(path, e.Message[(e.Field.Length + 2)..]);
            }
        }
        if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
            return BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        throw new AbiException(path, $"\"{text}\" is not a decimal or 0x integer");
    }

    private static string Describe(object value) => value switch
    {
        JsonElement e => $"JSON {e.ValueKind}",
        _ => value.GetType().Name,
    };
}
