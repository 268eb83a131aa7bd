using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Commerce.Host.Auth;

/// <summary>The platform's HMAC key for tokens and nonces.</summary>
public sealed class SigningKey
{
    public SigningKey(IOptions<AuthOptions> options)
    {
        var configured = options.Value.SigningKey;
        if (string.IsNullOrWhiteSpace(configured))
        {
            Bytes = RandomNumberGenerator.GetBytes(32);
            return;
        }
        try
        {
            Bytes = Convert.FromBase64String(configured);
        }
        catch (FormatException)
        {
            throw new OptionsValidationException(AuthOptions.Section, typeof(AuthOptions), ["Auth:SigningKey must be base64"]);
        }
        if (Bytes.Length < 32)
            throw new OptionsValidationException(AuthOptions.Section, typeof(AuthOptions), ["Auth:SigningKey must be at least 32 bytes"]);
    }

    public byte[] Bytes { get; }
}
