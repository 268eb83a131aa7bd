using System.Net.WebSockets;
using System.Security.Claims;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Storage;
using Commerce.Host.Api;
using Commerce.Host.Auth;
using Commerce.Host.Problems;
using Commerce.Host.RateLimits;
using Microsoft.Extensions.Options;

namespace Commerce.Host.Push;

/// <summary>
/// GET /api/push?cursor=N as a WebSocket: first the pushes the player's grain still holds after the
/// cursor, then live ones, each exactly once and in sequence order (docs/API.md).
/// </summary>
public static class PushEndpoint
{
    public static IEndpointRouteBuilder MapPushApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/push", HandleAsync).WithTags("Players").RequireAuthorization(Roles.Player).RateLimited(RateLimitGroup.Pushes)
            .WithSummary("WebSocket of the player's pushes, resumable from a cursor");
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context, ClaimsPrincipal user, PushHub hub, IGrainStore store, IOptions<RateLimitOptions> limits, long? cursor)
    {
        if (!context.WebSockets.IsWebSocketRequest)
            return Problem.Field("upgrade", "this endpoint is a WebSocket: connect with an Upgrade request");
        if (cursor is < 0)
            return Problem.Field("cursor", "must be zero or more");
        var playerId = user.PlayerId();
        // Registered before reading history, so nothing falls between the two; and before accepting, so a wallet over
        // its cap is refused with a status, not a socket.
        if (hub.TryRegister(playerId, limits.Value.MaxPushSocketsPerWallet) is not { } connection)
        {
            context.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many push sockets",
                detail: $"this wallet already holds {limits.Value.MaxPushSocketsPerWallet} push sockets (RateLimits:MaxPushSocketsPerWallet); close one first",
                extensions: new Dictionary<string, object?> { ["limit"] = "push-sockets" });
        }
        WebSocket socket;
        try
        {
            socket = await context.WebSockets.AcceptWebSocketAsync();
        }
        catch
        {
            hub.Unregister(connection);
            throw;
        }
        using var _ = socket;
        try
        {
            await PushSocket.ServeAsync(socket, connection, async ct =>
                [.. (await store.ReadJournalAsync(PlayerSessionGrain.TypeName, playerId, cursor ?? 0, ct))
                    .Select(p => new PushFrame(p.Seq, p.Kind, p.At, p.BodyJson))], cursor ?? 0, context.RequestAborted);
        }
        finally
        {
            hub.Unregister(connection);
        }
        return Results.Empty;
    }
}
