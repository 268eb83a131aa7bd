using System.Net;

namespace Commerce.Chain.Tests.JsonRpc;

/// <summary>
/// Sits between the client and a real node: for attempt n (1-based) <c>fault(n)</c> may answer
/// instead of the node (an HTTP error, or null to pass the request through) or hang until the
/// client gives up. Counts attempts.
/// </summary>
internal sealed class FaultInjectingHandler(Func<int, Fault> fault) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        switch (fault(attempt))
        {
            case { Hang: true }:
                await new TaskCompletionSource().Task.WaitAsync(cancellationToken);
                throw new InvalidOperationException("unreachable: the hang ends only by cancellation");
            case { Status: { } status } f:
                var response = new HttpResponseMessage(status) { Content = new StringContent("busy") };
                if (f.RetryAfter is { } after)
                    response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(after);
                return response;
            default:
                return await base.SendAsync(request, cancellationToken);
        }
    }
}

internal sealed record Fault(HttpStatusCode? Status = null, TimeSpan? RetryAfter = null, bool Hang = false)
{
    public static Fault None { get; } = new();
}
