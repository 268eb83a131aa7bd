using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Commerce.Sdk.Tests.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (free port) that speaks the game-client contract in
/// docs/API.md: challenge and sign-in, interests, player and item state with ProblemDetails errors,
/// and the /api/push WebSocket (replay after the cursor, then live). Per-connection
/// <see cref="PushPlan"/>s make it drop, close or misbehave on purpose.
/// </summary>
public sealed class CommerceTestServer : IAsyncDisposable
{
    public const int MaxBodyBytes = 4096;

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _challenges = new();
    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private readonly ConcurrentDictionary<string, PushLog> _pushes = new();
    private readonly HashSet<string> _listedItems = ["dragons:42", "dragons:7", "swords:1"];
    private int _connections;
    private long _interestCount;

    private CommerceTestServer(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public SignalLog<RecordedRequest> Requests { get; } = new();

    public SignalLog<ConnectRecord> Connects { get; } = new();

    /// <summary>Chooses the plan for push connection number i (0-based).</summary>
    public Func<int, PushPlan> PushPlans { get; set; } = _ => PushPlan.Normal;

    /// <summary>Checks a sign-in signature (address, message, signature); the fake wallet's scheme by default.</summary>
    public Func<string, string, string, bool> VerifySignature { get; set; } =
        (address, message, signature) => signature == FakeWalletSigner.SignatureFor(address, message);

    /// <summary>When set, GET /api/me never answers (until the client gives up).</summary>
    public bool HangMe { get; set; }

    public static async Task<CommerceTestServer> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        var server = new CommerceTestServer(app);
        server.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = new Uri(address + "/");
        return server;
    }

    /// <summary>Signs a player in without the wallet dance (for push tests).</summary>
    public string IssueToken(string playerId)
    {
        var token = "tok-" + Guid.NewGuid().ToString("N");
        _tokens[token] = playerId;
        return token;
    }

    public void RevokeAllTokens() => _tokens.Clear();

    public PushLog PushesFor(string playerId) => _pushes.GetOrAdd(playerId, _ => new PushLog());

    public long Push(string playerId, string type, string payloadJson = "{}") => PushesFor(playerId).Append(type, payloadJson);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.UseWebSockets();
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Request.Body.Position = 0;
            Requests.Add(new RecordedRequest(
                context.Request.Method,
                context.Features.Get<IHttpRequestFeature>()!.RawTarget,
                context.Request.Headers.Authorization.FirstOrDefault(),
                body));
            await next(context);
        });

        app.MapPost("/api/auth/challenge", (JsonElement body) =>
        {
            var address = body.TryGetProperty("address", out var a) ? a.GetString() : null;
            if (address is null || !address.StartsWith("0x", StringComparison.Ordinal) || address.Length != 42)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["address"] = ["address must be 0x followed by 40 hex digits."],
                });
            }

            var nonce = Guid.NewGuid().ToString("N");
            var message = $"commerce.test wants you to sign in with your Ethereum account:\n{address}\n\n"
                + $"Sign in to Commerce.\n\nURI: http://commerce.test\nVersion: 1\nChain ID: 31337\nNonce: {nonce}\n"
                + $"Issued At: {DateTimeOffset.UtcNow:O}";
            _challenges[message] = address;
            return Results.Ok(new { message, nonce, expiresAt = DateTimeOffset.UtcNow.AddMinutes(5) });
        });

        app.MapPost("/api/auth/sign-in", (JsonElement body) =>
        {
            var message = body.GetProperty("message").GetString() ?? "";
            var signature = body.GetProperty("signature").GetString() ?? "";
            // Like the Host: a refused sign-in is a validation problem naming the field at fault.
            if (!_challenges.TryRemove(message, out var address))
            {
                return Field("message", "was not issued, expired or was used already");
            }

            if (!VerifySignature(address, message, signature))
            {
                return Field("signature", "does not recover to " + address);
            }

            var playerId = address.ToLowerInvariant();
            var token = IssueToken(playerId);
            return Results.Ok(new { token, playerId, expiresAt = DateTimeOffset.UtcNow.AddHours(1) });
        });

        app.MapPost("/api/me/interests", async (HttpContext context) =>
        {
            if (Player(context) is not { } playerId)
            {
                return Unauthorized();
            }

            if (context.Request.ContentLength > MaxBodyBytes)
            {
                return Results.Problem(statusCode: 413, title: "Payload Too Large", detail: $"Bodies are limited to {MaxBodyBytes} bytes.");
            }

            var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
            var itemId = body.GetProperty("itemId").GetString() ?? "";
            if (!itemId.Contains(':'))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["itemId"] = ["itemId must be \"collection:tokenId\"."],
                });
            }

            if (!_listedItems.Contains(itemId))
            {
                return Results.Problem(statusCode: 404, title: "Item not listed", detail: $"No listed item '{itemId}'.");
            }

            var eventId = Guid.NewGuid().ToString();
            var dwellSeconds = body.GetProperty("dwellSeconds").GetDouble();
            var interestCount = Interlocked.Increment(ref _interestCount);
            Push(playerId, "InterestRecorded", JsonSerializer.Serialize(new { itemId, dwellSeconds, interestCount, eventId }));
            return Results.Json(new { eventId }, statusCode: 202);
        });

        app.MapGet("/api/me", async (HttpContext context) =>
        {
            if (HangMe)
            {
                await new TaskCompletionSource().Task.WaitAsync(context.RequestAborted);
            }

            if (Player(context) is not { } playerId)
            {
                return Unauthorized();
            }

            // The shape of the Host's PlayerSessionState (camelCase), plus a field no SDK knows yet.
            return Results.Text(
                $$"""
                {"playerId":"{{playerId}}","walletAddress":"{{playerId}}","loyaltyTier":"gold","lifetimeValue":120.5,
                 "interests":[{"itemId":"dragons:42","count":2,"totalDwellSeconds":7.5,"firstAt":"2026-11-22T10:00:00Z","lastAt":"2026-11-22T10:05:00Z"}],
                 "interestCount":9,
                 "chatIntents":[{"itemId":"dragons:42","intent":"buy","sentiment":0.82,"at":"2026-11-22T10:06:00Z"}],
                 "recentOffers":[{"offerId":"of-1","itemId":"dragons:42","price":"12.50","currency":"USDC","expiresAt":"2026-11-22T11:00:00+00:00"}],
                 "orders":[{"orderId":"or-1","itemId":"swords:1","status":"Paid","updatedAt":"2026-11-22T10:07:00Z"}],
                 "pushSeq":4,"recentPushes":[],"lastSeenAt":null,
                 "futureField":{"nested":[1,2,3]} }
                """,
                "application/json");
        });

        app.MapGet("/api/items/{itemId}", (HttpContext context, string itemId) =>
        {
            if (Player(context) is null)
            {
                return Unauthorized();
            }

            if (!_listedItems.Contains(itemId))
            {
                return Results.Problem(statusCode: 404, title: "Item not listed", detail: $"No listed item '{itemId}'.");
            }

            var (collection, tokenId) = (itemId.Split(':')[0], itemId.Split(':')[1]);
            // The shape of the Host's NftItemState (camelCase), plus a field no SDK knows yet.
            return Results.Text(
                $$"""
                {"itemId":"{{itemId}}","listed":true,"collection":"{{collection}}","tokenId":"{{tokenId}}","rarity":"legendary",
                 "edition":3,"supply":10,"owner":null,"listPrice":12.5,"currency":"USDC","floorPrice":9.75,
                 "bids":[{"bidder":"0xaaa","amount":8.00,"currency":"USDC","marketplace":"opensea","at":"2026-11-22T10:00:00Z"}],
                 "interestTotal":17,"interestByMinute":[{"minute":"2026-11-22T10:00:00Z","count":4}],
                 "status":"Available","updatedAt":"2026-11-22T10:08:00Z","unknownFlag":true}
                """,
                "application/json");
        });

        app.Map("/api/push", PushAsync);
    }

    private async Task PushAsync(HttpContext context)
    {
        var index = Interlocked.Increment(ref _connections) - 1;
        var plan = PushPlans(index);
        _ = long.TryParse(context.Request.Query["cursor"], out var cursor);
        var authorization = context.Request.Headers.Authorization.FirstOrDefault();
        var accessToken = context.Request.Query["access_token"].FirstOrDefault();
        var token = authorization?.StartsWith("Bearer ", StringComparison.Ordinal) == true ? authorization["Bearer ".Length..] : accessToken;
        var accepted = plan.RefuseWithStatus is null && token is not null && _tokens.ContainsKey(token)
            && context.WebSockets.IsWebSocketRequest;
        Connects.Add(new ConnectRecord(index, cursor, authorization, accessToken, accepted));
        if (plan.RefuseWithStatus is { } status)
        {
            context.Response.StatusCode = status;
            return;
        }

        if (token is null || !_tokens.TryGetValue(token, out var playerId))
        {
            context.Response.StatusCode = 401;
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var aborted = context.RequestAborted;
        var sentSeq = plan.IgnoreCursor ? 0 : cursor;
        var sentFrames = 0;
        try
        {
            foreach (var raw in plan.LeadingRawFrames)
            {
                await SendAsync(socket, raw, aborted);
            }

            while (!aborted.IsCancellationRequested)
            {
                var (frames, changed) = PushesFor(playerId).After(sentSeq);
                foreach (var (seq, frame) in frames)
                {
                    if (sentFrames == plan.AbortAfterFrames)
                    {
                        if (plan.BeforeAbort is { } beforeAbort)
                        {
                            await beforeAbort();
                        }

                        context.Abort();
                        return;
                    }

                    if (sentFrames == plan.CloseAfterFrames)
                    {
                        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", aborted);
                        return;
                    }

                    await SendAsync(socket, frame, aborted);
                    if (plan.SendEachFrameTwice)
                    {
                        await SendAsync(socket, frame, aborted);
                    }

                    sentSeq = seq;
                    sentFrames++;
                }

                await changed.WaitAsync(aborted);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
            // The client went away.
        }
    }

    private static Task SendAsync(WebSocket socket, string frame, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, cancellationToken);

    private string? Player(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.FirstOrDefault();
        return header?.StartsWith("Bearer ", StringComparison.Ordinal) == true
            && _tokens.TryGetValue(header["Bearer ".Length..], out var playerId)
                ? playerId
                : null;
    }

    private static IResult Field(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            title: "The request is not valid", detail: $"{field}: {message}");

    private static IResult Unauthorized() =>
        Results.Problem(statusCode: 401, title: "Unauthorized", detail: "Missing, bad or expired bearer token.");
}
