using System.Net;

namespace Commerce.Chain.JsonRpc;

/// <summary>An HTTP status the client may retry (429, 5xx), with the server's Retry-After if it sent one.</summary>
internal sealed class RpcHttpStatusException(HttpStatusCode status, TimeSpan? retryAfter)
    : HttpRequestException($"JSON-RPC endpoint answered HTTP {(int)status} {status}", null, status)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
