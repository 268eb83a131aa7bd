using System.Security.Claims;
using Commerce.Host.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commerce.Host.Api;

/// <summary>POST /api/auth/sign-out: the caller's token is revoked on every instance; using it again is a 401.</summary>
public static class SignOutApi
{
    public static IEndpointRouteBuilder MapSignOutApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/sign-out", SignOutAsync).WithTags("Players: sign-in").RequireAuthorization()
            .WithSummary("Revokes the token that calls it, on every instance, until it would have expired (a player signing out)")
            .Produces(StatusCodes.Status204NoContent).Produces(StatusCodes.Status401Unauthorized);
        return app;
    }

    private static async Task<NoContent> SignOutAsync(ClaimsPrincipal user, TokenService tokens, CancellationToken ct)
    {
        await tokens.RevokeAsync(user, ct);
        return TypedResults.NoContent();
    }
}
