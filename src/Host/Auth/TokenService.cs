using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.Options;

namespace Commerce.Host.Auth;

/// <summary>
/// Issues and validates the platform's bearer tokens (JWT, HS256, with the key id in "kid" so keys rotate: see
/// <see cref="AuthKeys"/>). Players' tokens live <see cref="AuthOptions.TokenLifetime"/>; staff tokens (every other role)
/// <see cref="AuthOptions.AdminTokenLifetime"/>. Every token can be revoked (<see cref="RevokedTokens"/>: a player's
/// sign-out, an operator): each use is checked against the revocations every instance shares (in memory, refreshed
/// within <see cref="AuthOptions.RevocationRefresh"/>).
/// </summary>
public sealed class TokenService(AuthKeys keys, IOptions<AuthOptions> options, TimeProvider clock, RevokedTokens revoked)
{
    private const string Issuer = "commerce";
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SymmetricSecurityKey[] _accepted = keys.Accepted.Select(k => new SymmetricSecurityKey(k.TokenKey) { KeyId = k.Id }).ToArray();

    /// <summary>The longest any token lives: how long a revocation must be kept when the token's own expiry is unknown.</summary>
    public TimeSpan LongestLifetime => options.Value.TokenLifetime > options.Value.AdminTokenLifetime ? options.Value.TokenLifetime : options.Value.AdminTokenLifetime;

    /// <summary>Revokes the token <paramref name="user"/> presented, on every instance, until it would have expired.</summary>
    public Task RevokeAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var tokenId = user.FindFirst("jti")?.Value ?? throw new InvalidOperationException("a validated token has an id");
        var expires = long.TryParse(user.FindFirst("exp")?.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var exp)
            ? DateTimeOffset.FromUnixTimeSeconds(exp)
            : clock.GetUtcNow() + LongestLifetime;
        return revoked.RevokeAsync(tokenId, expires, ct);
    }

    public IssuedToken Issue(string subject, string role)
    {
        var now = clock.GetUtcNow();
        var expires = now + (role == Roles.Player ? options.Value.TokenLifetime : options.Value.AdminTokenLifetime);
        var tokenId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("role", role), new Claim("jti", tokenId)]),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(_accepted[0], SecurityAlgorithms.HmacSha256),
        });
        return new IssuedToken(token, expires, tokenId);
    }

    public async Task<ClaimsPrincipal?> ValidateAsync(string token, CancellationToken ct = default)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKeys = _accepted,
            TryAllIssuerSigningKeys = false, // the "kid" picks the key; a token without one is refused
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            NameClaimType = "sub",
            RoleClaimType = "role",
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } e && e > clock.GetUtcNow().UtcDateTime && (notBefore is null || notBefore <= clock.GetUtcNow().UtcDateTime.AddMinutes(1)),
        });
        if (!result.IsValid)
            return null;
        var principal = new ClaimsPrincipal(result.ClaimsIdentity);
        // A token without an id could not be revoked: refused. The revocations are in memory, kept up to date with every
        // instance's within Auth:RevocationRefresh (RevokedTokens).
        if (principal.FindFirst("jti")?.Value is not { Length: > 0 } tokenId || await revoked.IsRevokedAsync(tokenId, ct))
            return null;
        return principal;
    }
}
