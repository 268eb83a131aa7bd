using System.Net;

namespace Commerce.Payments.Tests;

/// <summary>In front of the real node: answers a share of the requests with HTTP 503 (seeded), passes the rest through.</summary>
public sealed class FaultyNode(double failureRate, int seed) : DelegatingHandler(new HttpClientHandler())
{
    private readonly Random _random = new(seed);
    private int _failed;

    public int Failed => _failed;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        bool fail;
        lock (_random)
            fail = _random.NextDouble() < failureRate;
        if (!fail)
            return base.SendAsync(request, cancellationToken);
        Interlocked.Increment(ref _failed);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
    }
}
