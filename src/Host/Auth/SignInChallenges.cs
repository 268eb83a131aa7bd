using System.Security.Cryptography;
using System.Text;
using Commerce.Chain.Crypto;
using Commerce.Chain.Signing;
using Microsoft.Extensions.Options;

namespace Commerce.Host.Auth;

/// <summary>
/// EIP-4361 sign-in (docs/SECURITY.md, "Sign-in"). The nonce is self-authenticating (random part + expiry, MACed with the
/// platform's nonce key (<see cref="AuthKey.NonceKey"/>) for one address), so any instance can check a challenge another one issued, and issuing one
/// writes nothing. A signed message counts once: its nonce is consumed in the database (<see cref="UsedNonces"/>), so a
/// replay is refused on every instance. Domain, URI, chain id, issued-at, not-before and expiration are checked against
/// the host's clock.
/// </summary>
public sealed class SignInChallenges(AuthKeys keys, IOptions<AuthOptions> options, TimeProvider clock, UsedNonces used)
{
    /// <summary>How far another instance's clock may be ahead of this one's for issued-at and not-before.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public SiweMessage Issue(EthAddress address)
    {
        var now = clock.GetUtcNow();
        var expires = now + options.Value.ChallengeLifetime;
        var random = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        var expiry = expires.ToUnixTimeSeconds().ToString("x");
        var nonce = $"{random}{expiry}{Mac(keys.Current, random, expiry, address)}";
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

    /// <summary>Checks a signed message and consumes its nonce; returns the signer or an error naming the field at fault.</summary>
    public async Task<(EthAddress? Signer, string? Field, string? Error)> VerifyAsync(string messageText, string signatureHex, CancellationToken ct)
    {
        SiweMessage message;
        try
        {
            message = SiweMessage.Parse(messageText);
        }
        catch (SiweFormatException ex)
        {
            return (null, $"message.{ex.Field}", ex.Message);
        }
        if (message.Domain != options.Value.Domain)
            return (null, "message.domain", $"must be {options.Value.Domain}");
        if (message.Uri != options.Value.Uri)
            return (null, "message.uri", $"must be {options.Value.Uri}");
        if (message.ChainId != options.Value.ChainId)
            return (null, "message.chainId", $"must be {options.Value.ChainId}");
        var now = clock.GetUtcNow();
        if (TimeError(message, now) is { } timeError)
            return (null, timeError.Field, timeError.Error);

        var nonce = message.Nonce;
        if (nonce.Length < 16 + 1 + 16)
            return (null, "message.nonce", "was not issued by this platform");
        var random = nonce[..16];
        var mac = nonce[^16..];
        var expiry = nonce[16..^16];
        if (!keys.Accepted.Any(k => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(mac), Encoding.ASCII.GetBytes(Mac(k, random, expiry, message.Address)))))
            return (null, "message.nonce", "was not issued by this platform for this address");
        if (!long.TryParse(expiry, System.Globalization.NumberStyles.HexNumber, null, out var expirySeconds)
            || expirySeconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds() || DateTimeOffset.FromUnixTimeSeconds(expirySeconds) <= now)
            return (null, "message.nonce", "the challenge has expired; ask for a new one");

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
        if (!await used.TryConsumeAsync(nonce, DateTimeOffset.FromUnixTimeSeconds(expirySeconds), ct))
            return (null, "message.nonce", "this challenge was already used; ask for a new one");
        return (signer, null, null);
    }

    /// <summary>Issued-at not in the future nor older than a challenge lives; not-before reached; expiration not reached.</summary>
    private (string Field, string Error)? TimeError(SiweMessage message, DateTimeOffset now)
    {
        if (message.IssuedAt > now + ClockSkew)
            return ("message.issuedAt", $"is in the future ({message.IssuedAt:O}, now {now:O})");
        if (message.IssuedAt < now - options.Value.ChallengeLifetime - ClockSkew)
            return ("message.issuedAt", $"is older than a challenge lives ({options.Value.ChallengeLifetime}); ask for a new one");
        if (message.NotBefore is { } notBefore && notBefore > now + ClockSkew)
            return ("message.notBefore", $"the message is not valid before {notBefore:O} (now {now:O})");
        if (message.ExpirationTime is not { } expiration)
            return ("message.expirationTime", "is required");
        if (expiration <= now)
            return ("message.expirationTime", $"the message expired at {expiration:O}; ask for a new challenge");
        return null;
    }

    private static string Mac(AuthKey key, string random, string expiry, EthAddress address)
    {
        var input = Encoding.UTF8.GetBytes($"{random}|{expiry}|{address.ToString().ToLowerInvariant()}");
        return Convert.ToHexString(HMACSHA256.HashData(key.NonceKey, input))[..16].ToLowerInvariant();
    }
}
