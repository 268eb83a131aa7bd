using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Commerce.Events.Marks;

/// <summary>
/// HMAC-SHA256 over a list of text fields, each as a 4-byte big-endian length and its UTF-8 bytes (null as empty), so no
/// two lists give the same input. The marks of events and commands that only one component may produce are built on it.
/// </summary>
public static class FieldMac
{
    /// <summary>The shortest key accepted (bytes).</summary>
    public const int MinKeyBytes = 32;

    /// <summary>Lower-case hex of the HMAC of <paramref name="fields"/> under <paramref name="key"/>.</summary>
    public static string Compute(ReadOnlySpan<byte> key, params string?[] fields)
    {
        if (key.Length < MinKeyBytes)
            throw new ArgumentException($"a marking key has at least {MinKeyBytes} bytes", nameof(key));
        return Convert.ToHexStringLower(Hash(key, fields));
    }

    /// <summary>Whether <paramref name="mac"/> (hex) is the HMAC of <paramref name="fields"/> under <paramref name="key"/>, compared in fixed time.</summary>
    public static bool Matches(string? mac, ReadOnlySpan<byte> key, params string?[] fields)
    {
        if (mac is not { Length: 64 } || key.Length < MinKeyBytes)
            return false;
        Span<byte> given = stackalloc byte[32];
        if (Convert.FromHexString(mac, given, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
            return false;
        return CryptographicOperations.FixedTimeEquals(given, Hash(key, fields));
    }

    /// <summary>A key from its base64 setting, or null when the text is empty, not base64 or shorter than <see cref="MinKeyBytes"/>.</summary>
    public static byte[]? DecodeKey(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
            return null;
        try
        {
            var key = Convert.FromBase64String(base64);
            return key.Length >= MinKeyBytes ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[] Hash(ReadOnlySpan<byte> key, string?[] fields)
    {
        using var buffer = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        foreach (var field in fields)
        {
            var bytes = Encoding.UTF8.GetBytes(field ?? "");
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            buffer.Write(length);
            buffer.Write(bytes);
        }
        return HMACSHA256.HashData(key, buffer.ToArray());
    }
}
