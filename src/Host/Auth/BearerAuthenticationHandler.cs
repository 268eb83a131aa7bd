using System.Text.Encodings.Web;
using Commerce.Host.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Commerce.Host.Auth;

/// <summary>
/// Reads "Authorization: Bearer ..." (or, on the push and auction watch WebSockets only, access_token in the query, because browsers
/// cannot set headers on a WebSocket; on the operators' dashboard only, the session cookie an admin token set, because
/// a browser page cannot either; on the marketing console and its API, the console's cookie) and validates it with <see cref="TokenService"/>.
/// </summary>
public sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenService tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>The WebSockets a browser opens without headers: /api/push and /api/auctions/{itemId}/watch.</summary>
    private static bool IsWebSocketPath(PathString path) =>
        path.StartsWithSegments("/api/push")
        || (path.StartsWithSegments("/api/auctions", out var rest) && rest.Value is { } tail && tail.EndsWith("/watch", StringComparison.Ordinal)
            && tail.Count(c => c == '/') == 2);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? token = null;
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            token = header["Bearer ".Length..].Trim();
        else if (IsWebSocketPath(Request.Path) && Request.Query.TryGetValue("access_token", out var query))
            token = query.ToString();
        else if (Request.Path.StartsWithSegments(OperatorDashboard.Path) && Request.Cookies.TryGetValue(OperatorDashboard.SessionCookie, out var cookie))
            token = cookie;
        else if (Marketing.Console.MarketingConsole.ReadsCookie(Request.Path) && Request.Cookies.TryGetValue(Marketing.Console.MarketingConsole.SessionCookie, out var marketing))
            token = marketing;
        if (string.IsNullOrEmpty(token))
            return AuthenticateResult.NoResult();
        var principal = await tokens.ValidateAsync(token, Context.RequestAborted);
        return principal is null
            ? AuthenticateResult.Fail("the token is invalid or expired")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
