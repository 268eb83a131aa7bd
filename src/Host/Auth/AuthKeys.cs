using System.Security.Cryptography;
using Commerce.Messaging.Configuration;
using Microsoft.Extensions.Options;

namespace Commerce.Host.Auth;

/// <summary>
/// The platform's auth keys: <see cref="Current"/> (from <c>Auth:SigningKey</c>) signs, and it and every
/// <c>Auth:PreviousSigningKeys</c> entry are accepted, so a key can be rotated without signing everyone out. Only the
/// embedded demo (Kafka embedded) may leave <c>Auth:SigningKey</c> empty: it then gets a random key for the run.
/// </summary>
public sealed class AuthKeys
{
    public AuthKeys(IOptions<AuthOptions> options, IOptions<KafkaOptions> kafka)
    {
        var configured = options.Value.SigningKey;
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!kafka.Value.IsEmbedded)
                throw new OptionsValidationException(AuthOptions.Section, typeof(AuthOptions), [StartupSecrets.SigningKeyMissing]);
            Current = AuthKey.From(RandomNumberGenerator.GetBytes(32));
        }
        else
        {
            Current = AuthKey.From(Decode(configured, "Auth:SigningKey"));
        }
        Accepted = [Current, .. options.Value.PreviousSigningKeys.Select((k, i) => AuthKey.From(Decode(k, $"Auth:PreviousSigningKeys:{i}")))];
    }

    public AuthKey Current { get; }

    /// <summary>The current key first, then the previous ones.</summary>
    public IReadOnlyList<AuthKey> Accepted { get; }

    /// <summary>A configured secret's bytes, or null with why not (never the value itself).</summary>
    internal static (byte[]? Bytes, string? Error) TryDecode(string text)
    {
        try
        {
            var bytes = Convert.FromBase64String(text.Trim());
            return bytes.Length < 32 ? (null, "must be at least 32 bytes (base64)") : (bytes, null);
        }
        catch (FormatException)
        {
            return (null, "must be base64");
        }
    }

    private static byte[] Decode(string text, string setting) =>
        TryDecode(text) is { Bytes: { } bytes } ? bytes
            : throw new OptionsValidationException(AuthOptions.Section, typeof(AuthOptions), [$"{setting}: {TryDecode(text).Error}"]);
}
