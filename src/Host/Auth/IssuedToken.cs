namespace Commerce.Host.Auth;

/// <summary>A bearer token as issued: the JWT, when it expires, and its id (jti, what revocation names).</summary>
public sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt, string TokenId)
{
    public void Deconstruct(out string token, out DateTimeOffset expiresAt)
    {
        token = Token;
        expiresAt = ExpiresAt;
    }
}
