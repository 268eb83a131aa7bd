using System.Net.Http.Headers;

namespace Commerce.Connectors.Webhooks.Sending;

/// <summary>Reads a response's Retry-After (delta seconds or an HTTP date) as a wait from now.</summary>
internal static class RetryAfter
{
    public static TimeSpan? From(HttpResponseHeaders headers, DateTimeOffset now) => headers.RetryAfter switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => date <= now ? TimeSpan.Zero : date - now,
        _ => null,
    };
}
