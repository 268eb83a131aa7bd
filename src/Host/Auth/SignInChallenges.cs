using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Commerce.Chain.Crypto;
using Commerce.Chain.Signing;
using Microsoft.Extensions.Options;

namespace Commerce.Host.Auth;

/// <summary>
/// EIP-4361 sign-in. The nonce is self-authenticating (random part + expiry + address, MACed with
/// the platform key), so any instance can check a challenge another one issued; each nonce is
/// accepted once per instance, and only before it expires.
/// </summary>
public sealed class SignInChallenges(SigningKey key, IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new();

    public SiweMessage Issue(EthAddress address)
    {
        var now = clock.GetUtcNow();
        var expires = now + options.Value.ChallengeLifetime;
        var random = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        var expiry = expires.ToUnixTimeSeconds().ToString("x");
        var nonce = $"{random}{expiry}{Mac(random, expiry, address)}";
        return new SiweMessage
        {
            Scheme = null,
            Domain = options.Value.Domain,
            Address = address,
            Statement = "Sign in to Commerce.",
            Uri = options.Value.Uri,
            ChainId = options.Value.ChainId,
            Nonce = nonce,
            IssuedAt = now,
            ExpirationTime = expires,
        };
    }

    /// <summary>Checks a signed message; returns the signer or an error naming the field at fault.</summary>
    public (EthAddress? Signer, string? Field, string? Error) Verify(string messageText, string signatureHex)
    {
        SiweMessage message;
        try
        {
            message = SiweMessage.Parse(messageText);
        }
        catch (SiweFormatException ex)
        {
            return (null, "message", ex.Message);
        }
        if (message.Domain != options.Value.Domain)
            return (null, "message", $"domain must be {options.Value.Domain}");
        if (message.Uri != options.Value.Uri)
            return (null, "message", $"uri must be {options.Value.Uri}");
        if (message.ChainId != options.Value.ChainId)
            return (null, "message", $"chain id must be {options.Value.ChainId}");
        var nonce = message.Nonce;
        if (nonce.Length < 16 + 1 + 16)
            return (null, "message", "the nonce was not issued by this platform");
        var random = nonce[..16];
        var mac = nonce[^16..];
        var expiry = nonce[16..^16];
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(mac), Encoding.ASCII.GetBytes(Mac(random, expiry, message.Address))))
            return (null, "message", "the nonce was not issued by this platform for this address");
        var now = clock.GetUtcNow();
        if (!long.TryParse(expiry, System.Globalization.NumberStyles.HexNumber, null, out var expirySeconds)
            || DateTimeOffset.FromUnixTimeSeconds(expirySeconds) < now)
            return (null, "message", "the challenge has expired; ask for a new one");

        EthAddress signer;
        try
        {
            signer = PersonalMessage.RecoverAddress(Encoding.UTF8.GetBytes(messageText), signatureHex);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or CryptographicException)
        {
            return (null, "signature", $"not a valid 65-byte signature: {ex.Message}");
        }
        if (!signer.Equals(message.Address))
            return (null, "signature", "the signature is not by the message's address");
        PruneUsed(now);
        if (!_used.TryAdd(nonce, DateTimeOffset.FromUnixTimeSeconds(expirySeconds)))
            return (null, "message", "this challenge was already used");
        return (signer, null, null);
    }

    private string Mac(string random, string expiry, EthAddress address)
    {
        var input = Encoding.UTF8.GetBytes($"{random}|{expiry}|{address.ToString().ToLowerInvariant()}");
        return Convert.ToHexString(HMACSHA256.HashData(key.Bytes, input))[..16].ToLowerInvariant();
    }

    private void PruneUsed(DateTimeOffset now)
    {
        if (_used.Count < 10_000)
            return;
        foreach (var (nonce, expires) in _used)
        {
            if (expires < now)
                _used.TryRemove(nonce, out _);
        }
    }
}
