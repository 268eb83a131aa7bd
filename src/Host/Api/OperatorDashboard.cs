using Commerce.Host.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Dashboard;

namespace Commerce.Host.Api;

/// <summary>
/// The Orleans Dashboard for operators, under <see cref="Path"/>, behind the admin role. A browser cannot send a bearer
/// header to a page, so an operator opens <c>/dashboard-login</c>, gives an admin token once, and the token is kept in
/// an HttpOnly, SameSite=Strict cookie sent only to the dashboard's paths, for as long as the token lasts.
/// </summary>
public static class OperatorDashboard
{
    public const string Path = "/dashboard";

    public const string SessionCookie = "commerce_operator";

    public static IEndpointRouteBuilder MapOperatorDashboard(this IEndpointRouteBuilder app)
    {
        app.MapOrleansDashboard(routePrefix: Path).RequireAuthorization(Roles.Operator);
        app.MapPost("/api/admin/dashboard-session", StartSession)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Marketing and operators")
            .WithSummary("Keeps the caller's admin token in a cookie for the operators' dashboard (/dashboard)");
        app.MapGet("/dashboard-login", () => TypedResults.Content(LoginPage, "text/html; charset=utf-8")).AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    private static NoContent StartSession(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var token = header["Bearer ".Length..].Trim();
        http.Response.Cookies.Append(SessionCookie, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = Path,
            Expires = long.TryParse(http.User.FindFirst("exp")?.Value, out var expires) ? DateTimeOffset.FromUnixTimeSeconds(expires) : null,
        });
        return TypedResults.NoContent();
    }

    private const string LoginPage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Commerce operators</title></head>
        <body style="font-family: sans-serif; max-width: 32rem; margin: 4rem auto">
        <h1>Orleans dashboard</h1>
        <form id="login">
          <label for="token">Admin token</label><br>
          <input id="token" type="password" autocomplete="off" required style="width: 100%">
          <button type="submit">Open the dashboard</button>
          <p id="error" role="alert"></p>
        </form>
        <script>
        document.getElementById('login').addEventListener('submit', async e => {
          e.preventDefault();
          const token = document.getElementById('token').value.trim();
          const answer = await fetch('/api/admin/dashboard-session', { method: 'POST', headers: { Authorization: 'Bearer ' + token } });
          if (answer.ok) location.href = '/dashboard/';
          else document.getElementById('error').textContent = answer.status === 403 ? 'That token is not an admin token.' : 'That token is not valid.';
        });
        </script>
        </body></html>
        """;
}
