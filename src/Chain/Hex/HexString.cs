using System.Numerics;

namespace Commerce.Chain.Hex;

/// <summary>
/// 0x-prefixed hex as Ethereum uses it: DATA (an even number of digits, any length) and
/// QUANTITY (an unsigned integer, no leading zeros when written, "0x0" for zero).
/// Every parse takes the name of the field so an error says which value was wrong.
/// </summary>
public static class HexString
{
    /// <summary>Lower-case hex with a 0x prefix ("0x" for no bytes).</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>Lower-case hex without a prefix.</summary>
    public static string EncodeBare(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Decodes DATA. The 0x prefix is optional; the number of digits must be even.</summary>
    public static byte[] Decode(string? hex, string field = "value")
    {
        if (hex is null)
            throw new HexFormatException(field, "is missing (null)");
        var digits = Strip(hex);
        if (digits.Length % 2 != 0)
            throw new HexFormatException(field, $"has an odd number of hex digits ({digits.Length})");
        CheckDigits(digits, field);
        return Convert.FromHexString(digits);
    }

    /// <summary>Decodes DATA that must be exactly <paramref name="length"/> bytes long.</summary>
    public static byte[] DecodeFixed(string? hex, int length, string field = "value")
    {
        var bytes = Decode(hex, field);
        if (bytes.Length != length)
            throw new HexFormatException(field, $"must be {length} bytes, got {bytes.Length}");
        return bytes;
    }

    /// <summary>True when <paramref name="hex"/> is well-formed DATA.</summary>
    public static bool IsValid(string? hex)
    {
        if (hex is null)
            return false;
        var digits = Strip(hex);
        if (digits.Length % 2 != 0)
            return false;
        foreach (var c in digits)
        {
            if (!Uri.IsHexDigit(c))
                return false;
        }
        return true;
    }

    /// <summary>Writes a non-negative integer as a JSON-RPC QUANTITY ("0x0", "0x400").</summary>
    public static string EncodeQuantity(BigInteger value)
    {
        if (value.Sign < 0)
            throw new ArgumentOutOfRangeException(nameof(value), value, "a QUANTITY cannot be negative");
        if (value.IsZero)
            return "0x0";
        var hex = Convert.ToHexStringLower(value.ToByteArray(isUnsigned: true, isBigEndian: true));
        return "0x" + hex.TrimStart('0');
    }

    /// <summary>Writes a non-negative integer as a JSON-RPC QUANTITY.</summary>
    public static string EncodeQuantity(ulong value) => "0x" + value.ToString("x");

    /// <summary>
    /// Reads a QUANTITY. The 0x prefix is required and at least one digit; leading zeros are
    /// accepted (some nodes write them) but not an empty "0x".
    /// </summary>
    public static BigInteger DecodeQuantity(string? hex, string field = "value")
    {
        if (hex is null)
            throw new HexFormatException(field, "is missing (null)");
        if (!hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            throw new HexFormatException(field, $"a quantity must start with 0x, got \"{Shorten(hex)}\"");
        var digits = hex.AsSpan(2);
        if (digits.IsEmpty)
            throw new HexFormatException(field, "a quantity needs at least one digit (\"0x0\" for zero)");
        CheckDigits(digits, field);
        var text = digits.Length % 2 == 0 ? digits.ToString() : "0" + digits.ToString();
        return new BigInteger(Convert.FromHexString(text), isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Reads a QUANTITY that must fit in 64 bits.</summary>
    public static ulong DecodeQuantityUInt64(string? hex, string field = "value")
    {
        var value = DecodeQuantity(hex, field);
        if (value > ulong.MaxValue)
            throw new HexFormatException(field, $"{value} does not fit in 64 bits");
        return (ulong)value;
    }

    private static ReadOnlySpan<char> Strip(string hex) =>
        hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex.AsSpan(2) : hex.AsSpan();

    private static void CheckDigits(ReadOnlySpan<char> digits, string field)
    {
        for (var i = 0; i < digits.Length; i++)
        {
            if (!Uri.IsHexDigit(digits[i]))
                throw new HexFormatException(field, $"'{digits[i]}' at digit {i} is not a hex digit");
        }
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "...";
}
