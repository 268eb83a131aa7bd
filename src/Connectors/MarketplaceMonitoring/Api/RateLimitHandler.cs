using System.Globalization;

namespace Commerce.Connectors.MarketplaceMonitoring.Api;

/// <summary>
/// Honours the X-RateLimit-* headers: once an answer says no request is left (X-RateLimit-Remaining: 0), the next call
/// waits until the window resets (X-RateLimit-Reset, seconds from now) on the given clock. A 429's Retry-After is the
/// resilience handler's.
/// </summary>
public sealed class RateLimitHandler(TimeProvider clock) : DelegatingHandler
{
    private readonly object _lock = new();
    private DateTimeOffset _resumeAt;

    /// <summary>Calls held back by an exhausted window, since start.</summary>
    public long Waited { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        TimeSpan wait;
        lock (_lock)
            wait = _resumeAt - clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            Waited++;
            await Task.Delay(wait, clock, ct);
        }
        var response = await base.SendAsync(request, ct);
        if (Header(response, "X-RateLimit-Remaining") is 0 && Header(response, "X-RateLimit-Reset") is { } reset and > 0)
        {
            lock (_lock)
                _resumeAt = clock.GetUtcNow().AddSeconds(Math.Min(reset, 3600));
        }
        return response;
    }

    private static long? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value : null;
}
