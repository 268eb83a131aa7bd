using System.Reflection;
using Commerce.Host.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commerce.Host.Marketing.Console;

/// <summary>
/// The marketing console (/marketing): Razor components rendered on the server, with console.js and the vendored
/// Chart.js (MIT) for the live parts over /api/marketing. A browser cannot send a bearer header to a page, so the sign-in
/// link (/marketing/sign-in#token=...: the token stays in the fragment, never in a request line or a log) posts the
/// token once and gets it back as an HttpOnly, SameSite=Strict cookie read only on the console's paths.
/// </summary>
public static class MarketingConsole
{
    public const string Path = "/marketing";

    public const string SessionCookie = "commerce_marketing";

    private static readonly Dictionary<string, string> Assets = new(StringComparer.Ordinal)
    {
        ["console.js"] = "text/javascript; charset=utf-8",
        ["console.css"] = "text/css; charset=utf-8",
        ["chart.umd.min.js"] = "text/javascript; charset=utf-8",
    };

    /// <summary>Whether a request may carry its token in the console's cookie.</summary>
    public static bool ReadsCookie(PathString path) => path.StartsWithSegments(Path) || path.StartsWithSegments(MarketingApi.Prefix);

    public static WebApplication MapMarketingConsole(this WebApplication app)
    {
        app.MapGet($"{Path}/sign-in", () => TypedResults.Content(SignInPage, "text/html; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet($"{Path}/assets/{{name}}", Asset).AllowAnonymous().ExcludeFromDescription();
        app.MapPost($"{MarketingApi.Prefix}/session", StartSession).RequireAuthorization(Roles.Marketing).WithTags("Marketing")
            .WithSummary("Keeps the caller's marketing token in a cookie for the console (/marketing)");
        app.MapRazorComponents<ConsoleApp>().RequireAuthorization(Roles.Marketing);
        return app;
    }

    private static IResult Asset(string name)
    {
        if (!Assets.TryGetValue(name, out var type))
            return TypedResults.NotFound();
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"marketing-console/{name}");
        return stream is null ? TypedResults.NotFound() : TypedResults.Stream(stream, type);
    }

    private static NoContent StartSession(HttpContext http)
    {
        var token = http.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        http.Response.Cookies.Append(SessionCookie, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/",
            Expires = long.TryParse(http.User.FindFirst("exp")?.Value, out var expires) ? DateTimeOffset.FromUnixTimeSeconds(expires) : null,
        });
        return TypedResults.NoContent();
    }

    private const string SignInPage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Commerce marketing: sign in</title><link rel="icon" href="data:,"></head>
        <body style="font-family: sans-serif; max-width: 32rem; margin: 4rem auto">
        <h1>Marketing console</h1>
        <form id="login">
          <label for="token">Marketing token</label><br>
          <input id="token" type="password" autocomplete="off" required style="width: 100%">
          <button type="submit">Sign in</button>
          <p id="error" role="alert"></p>
        </form>
        <script>
        async function signIn(token) {
          const answer = await fetch('/api/marketing/session', { method: 'POST', headers: { Authorization: 'Bearer ' + token } });
          if (answer.ok) location.replace('/marketing');
          else document.getElementById('error').textContent = answer.status === 403 ? 'That token is not a marketing token.' : 'That token is not valid.';
        }
        const fragment = new URLSearchParams(location.hash.substring(1));
        if (fragment.get('token')) { history.replaceState(null, '', location.pathname); signIn(fragment.get('token')); }
        document.getElementById('login').addEventListener('submit', e => { e.preventDefault(); signIn(document.getElementById('token').value.trim()); });
        </script>
        </body></html>
        """;
}
