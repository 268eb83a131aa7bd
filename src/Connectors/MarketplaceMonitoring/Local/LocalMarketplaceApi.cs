using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Commerce.Connectors.MarketplaceMonitoring.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Commerce.Connectors.MarketplaceMonitoring.Local;

/// <summary>
/// The simulated marketplace over HTTP in the real service's shapes: REST v2 (collection stats, best listings,
/// collection offers, events with <c>next</c>), X-API-KEY checked, X-RateLimit-* headers sent (and 429 with
/// Retry-After once the window is spent), and the stream at <c>/socket/websocket</c> (Phoenix: phx_join,
/// heartbeat replies, pushed events).
/// </summary>
public static class LocalMarketplaceApi
{
    public static void Map(IEndpointRouteBuilder app, LocalMarketplace market, string apiKey, TimeProvider clock)
    {
        var window = new RateWindow(clock);
        app.MapGet("/api/v2/collections/{slug}/stats", (HttpContext http, string slug) =>
            Guarded(http, market, apiKey, window, () => market.Floor(slug) is { } floor
                ? Results.Json(new { total = new { floor_price = floor, floor_price_symbol = "ETH", sales = market.EventCount, num_owners = 10 }, intervals = Array.Empty<object>() })
                : Results.Json(new { errors = new[] { $"collection {slug} not found" } }, statusCode: 404)));

        app.MapGet("/api/v2/events/collection/{slug}", (HttpContext http, string slug, long? after, string? next, int? limit) =>
            Guarded(http, market, apiKey, window, () =>
            {
                var (events, following) = market.Events(slug, after, Offset(next), Math.Clamp(limit ?? 50, 1, 200));
                return Results.Bytes(Page("asset_events", events, following), "application/json");
            }));

        app.MapGet("/api/v2/listings/collection/{slug}/best", (HttpContext http, string slug) =>
            Guarded(http, market, apiKey, window, () => Results.Json(new
            {
                listings = market.Floor(slug) is { } floor
                    ? new[] { new { order_hash = "0xlisting" + slug, chain = "ethereum", type = "basic", price = new { current = new { currency = "ETH", decimals = 18, value = ((long)(floor * 1_000_000_000_000_000_000m)).ToString(CultureInfo.InvariantCulture) } } } }
                    : [],
                next = (string?)null,
            })));

        app.MapGet("/api/v2/offers/collection/{slug}", (HttpContext http, string slug, string? next) =>
            Guarded(http, market, apiKey, window, () =>
            {
                var (offers, following) = market.CollectionOffers(slug, Offset(next), 50);
                return Results.Bytes(Page("offers", offers, following), "application/json");
            }));

        app.Map("/socket/websocket", async (HttpContext http) =>
        {
            if (!http.WebSockets.IsWebSocketRequest || http.Request.Query["token"] != apiKey)
            {
                http.Response.StatusCode = 401;
                return;
            }
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            await PhoenixSession.RunAsync(socket, market, http.RequestAborted);
        });
    }

    /// <summary>A page's opaque <c>next</c> cursor (here: base64 of an offset), read back.</summary>
    private static int Offset(string? next) =>
        next is not null && int.TryParse(Encoding.UTF8.GetString(Convert.FromBase64String(next)), CultureInfo.InvariantCulture, out var offset) ? offset : 0;

    /// <summary><c>{"name":[items...],"next":cursor}</c>, the items' JSON copied as stored.</summary>
    private static ReadOnlyMemory<byte> Page(string name, IReadOnlyList<byte[]> items, int? following)
    {
        var body = new MemoryStream(items.Sum(e => e.Length + 1) + 64);
        body.Write(Encoding.UTF8.GetBytes($"{{\"{name}\":["));
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
                body.WriteByte((byte)',');
            body.Write(items[i]);
        }
        body.Write("],\"next\":"u8);
        body.Write(Encoding.UTF8.GetBytes(following is { } f ? JsonSerializer.Serialize(Convert.ToBase64String(Encoding.UTF8.GetBytes(f.ToString(CultureInfo.InvariantCulture)))) : "null"));
        body.Write("}"u8);
        return body.GetBuffer().AsMemory(0, (int)body.Length);
    }

    private static IResult Guarded(HttpContext http, LocalMarketplace market, string apiKey, RateWindow window, Func<IResult> answer)
    {
        if (market.Faults.Next() is { } fault)
        {
            if (fault.RetryAfter is { } after)
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            market.Faults.CountAnswer(fault.Status);
            return Results.Json(new { errors = new[] { $"fault {fault.Status}" } }, statusCode: fault.Status);
        }
        if (http.Request.Headers[ApiKeyHandler.Header] != apiKey)
        {
            market.Faults.CountAnswer(401);
            return Results.Json(new { detail = "Invalid API key" }, statusCode: 401);
        }
        if (market.Faults.RateLimit > 0)
        {
            var (remaining, reset) = window.Take(market.Faults.RateLimit, market.Faults.RateWindow);
            http.Response.Headers["X-RateLimit-Limit"] = market.Faults.RateLimit.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["X-RateLimit-Remaining"] = Math.Max(0, remaining).ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["X-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
            if (remaining < 0)
            {
                http.Response.Headers.RetryAfter = reset.ToString(CultureInfo.InvariantCulture);
                market.Faults.CountAnswer(429);
                return Results.Json(new { detail = "Request was throttled." }, statusCode: 429);
            }
        }
        market.Faults.CountAnswer(200);
        return answer();
    }

    /// <summary>A fixed window of requests (what X-RateLimit-* describe).</summary>
    private sealed class RateWindow(TimeProvider clock)
    {
        private readonly object _lock = new();
        private DateTimeOffset _start = DateTimeOffset.MinValue;
        private int _used;

        public (int Remaining, long ResetSeconds) Take(int limit, TimeSpan length)
        {
            lock (_lock)
            {
                var now = clock.GetUtcNow();
                if (now - _start >= length)
                {
                    _start = now;
                    _used = 0;
                }
                _used++;
                return (limit - _used, Math.Max(1, (long)Math.Ceiling((_start + length - now).TotalSeconds)));
            }
        }
    }
}
