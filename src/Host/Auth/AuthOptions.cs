using System.ComponentModel.DataAnnotations;

namespace Commerce.Host.Auth;

/// <summary>Bound from the "Auth" configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// Base64 HMAC-SHA256 key (at least 32 bytes) that signs tokens and sign-in nonces. Several
    /// instances must share it. When empty (embedded demo), a random key is made at start, so
    /// tokens die with the process.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>The domain a Sign-In with Ethereum message must name (EIP-4361 "domain").</summary>
    [Required]
    public string Domain { get; set; } = "localhost";

    /// <summary>The URI a sign-in message must name.</summary>
    [Required]
    public string Uri { get; set; } = "http://localhost";

    /// <summary>The chain a sign-in message must name (31337 is Anvil).</summary>
    [Range(1, long.MaxValue)]
    public long ChainId { get; set; } = 31337;

    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);
}
