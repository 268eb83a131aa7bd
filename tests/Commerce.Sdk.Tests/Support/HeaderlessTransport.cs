using Commerce.Sdk;

namespace Commerce.Sdk.Tests.Support;

/// <summary>Behaves like a browser WebSocket bridge (WebGL): it cannot send request headers.</summary>
public sealed class HeaderlessTransport : IPushTransport
{
    private readonly ClientWebSocketTransport _inner = new();

    public bool SupportsRequestHeaders => false;

    public Task<IPushConnection> ConnectAsync(PushConnectRequest request, CancellationToken cancellationToken)
    {
        Assert.Empty(request.Headers);
        return _inner.ConnectAsync(request, cancellationToken);
    }
}
