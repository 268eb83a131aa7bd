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
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var receiving = DrainIncomingAsync(socket, closed);
        try
        {
            var lastSent = cursor ?? 0;
            foreach (var push in await store.ReadJournalAsync(PlayerSessionGrain.TypeName, playerId, lastSent, closed.Token))
            {
                await SendAsync(socket, new PushFrame(push.Seq, push.Kind, push.At, push.BodyJson), closed.Token);
                lastSent = push.Seq;
            }
            await foreach (var frame in connection.Frames.ReadAllAsync(closed.Token))
            {
                if (frame.Seq <= lastSent)
                    continue; // already sent from history, or a redelivered outbox record
                await SendAsync(socket, frame, closed.Token);
                lastSent = frame.Seq;
            }
            if (connection.Overflowed && socket.State == WebSocketState.Open)
                await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "too slow: reconnect with your cursor", CancellationToken.None);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away; it resumes from its cursor.
        }
        finally
        {
            hub.Unregister(connection);
            await closed.CancelAsync();
            await receiving;
        }
        return Results.Empty;
    }

    private static Task SendAsync(WebSocket socket, PushFrame frame, CancellationToken ct) =>
        socket.SendAsync(frame.ToUtf8(), WebSocketMessageType.Text, true, ct).AsTask();

    private static async Task DrainIncomingAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (!closed.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, closed.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            await closed.CancelAsync();
        }
    }
}
