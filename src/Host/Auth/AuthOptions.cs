using System.ComponentModel.DataAnnotations;

namespace Commerce.Host.Auth;

/// <summary>Bound from the "Auth" configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// Base64 secret (at least 32 bytes) from which the token key and the sign-in nonce key are derived
    /// (<see cref="AuthKey"/>). Several instances must share it. Required outside the embedded demo; there, when empty,
    /// a random key is made at start, so tokens die with the process.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Earlier values of <see cref="SigningKey"/>, still accepted (not used to sign) while a rotation runs out.</summary>
    public List<string> PreviousSigningKeys { get; set; } = [];

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

    /// <summary>How long a player's token lasts.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long a staff token (admin, marketing, operator) lasts: minutes, and it can be revoked before.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan AdminTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The longest a token revoked on another instance is still taken here: each instance keeps the revocations in memory
    /// and reads those made elsewhere at most this far apart (docs/SECURITY.md, "Revocation"). A revocation made on this
    /// instance is refused here at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RevocationRefresh { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Names which keys are set, never their values (options may end up in a log or an exception).</summary>
    public override string ToString() =>
        $"AuthOptions(SigningKey: {(string.IsNullOrWhiteSpace(SigningKey) ? "unset" : "set")}, PreviousSigningKeys: {PreviousSigningKeys.Count}, Domain: {Domain}, Uri: {Uri}, ChainId: {ChainId})";
}
