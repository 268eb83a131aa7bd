using System.Threading;
using System.Threading.Tasks;

namespace Commerce.Sdk
{
    /// <summary>
    /// Opens push WebSockets for <see cref="PushSubscription"/>. The default is
    /// <see cref="ClientWebSocketTransport"/>. WebGL builds have no sockets: implement this over a
    /// browser WebSocket through a .jslib bridge and return false from
    /// <see cref="SupportsRequestHeaders"/> so the token travels as the <c>access_token</c> query parameter.
    /// </summary>
    public interface IPushTransport
    {
        /// <summary>Whether <see cref="PushConnectRequest.Headers"/> reach the server (browsers cannot set them).</summary>
        bool SupportsRequestHeaders { get; }

        /// <summary>
        /// Opens the connection. Throw <see cref="PushConnectException"/> with the HTTP status when
        /// the server refuses the upgrade (401 and 403 stop the subscription; others are retried).
        /// </summary>
        Task<IPushConnection> ConnectAsync(PushConnectRequest request, CancellationToken cancellationToken);
    }
}
