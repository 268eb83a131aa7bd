using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Commerce.Connectors.Webhooks;

/// <summary>
/// A Standard Webhooks symmetric signing secret: 24 to 64 random bytes, serialized as "whsec_" followed
/// by their base64. <see cref="ToString"/> never shows the key; <see cref="Serialize"/> does.
/// </summary>
public sealed class WebhookSecret
{
    public const string Prefix = "whsec_";

    /// <summary>The spec asks for at least 24 bytes (192 bits) and at most 512 bits.</summary>
    public const int MinBytes = 24;

    public const int MaxBytes = 64;

    private readonly byte[] _key;

    private WebhookSecret(byte[] key) => _key = key;

    /// <summary>A new random secret of <paramref name="bytes"/> bytes (32 by default).</summary>
    public static WebhookSecret Generate(int bytes = 32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, MinBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytes, MaxBytes);
        return new WebhookSecret(RandomNumberGenerator.GetBytes(bytes));
    }

    /// <exception cref="FormatException">The text is not "whsec_" + base64 of 24 to 64 bytes; the message says why.</exception>
    public static WebhookSecret Parse(string? serialized) =>
        TryParse(serialized, out var secret, out var error) ? secret : throw new FormatException(error);

    public static bool TryParse(string? serialized, [NotNullWhen(true)] out WebhookSecret? secret, [NotNullWhen(false)] out string? error)
    {
        secret = null;
        if (string.IsNullOrEmpty(serialized))
        {
            error = "is empty: expected whsec_ followed by base64";
            return false;
        }
        if (!serialized.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = "does not start with whsec_";
            return false;
        }
        var encoded = serialized.AsSpan(Prefix.Length);
        var buffer = new byte[encoded.Length];
        if (encoded.IsEmpty || encoded.ContainsAny(" \t\r\n") || !Convert.TryFromBase64Chars(encoded, buffer, out var length))
        {
            error = "is not whsec_ followed by valid base64";
            return false;
        }
        if (length is < MinBytes or > MaxBytes)
        {
            error = $"decodes to {length} bytes: a secret has {MinBytes} to {MaxBytes} bytes";
            return false;
        }
        secret = new WebhookSecret(buffer[..length]);
        error = null;
        return true;
    }

    /// <summary>The secret as configuration and marketplaces exchange it: "whsec_" + base64.</summary>
    public string Serialize() => Prefix + Convert.ToBase64String(_key);

    public override string ToString() => Prefix + "<redacted>";

    internal IncrementalHash CreateHmac() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
}
