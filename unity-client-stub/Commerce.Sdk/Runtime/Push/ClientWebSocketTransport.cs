using System;
using System.Net.WebSockets;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Commerce.Sdk
{
    /// <summary>The default <see cref="IPushTransport"/>, over <see cref="ClientWebSocket"/> (desktop, mobile, consoles; not WebGL).</summary>
    [Preserve]
    public sealed class ClientWebSocketTransport : IPushTransport
    {
        // ClientWebSocket reports a refused upgrade only in its message on netstandard2.1:
        // "The server returned status code '401' when status code '101' was expected."
        private static readonly Regex StatusInMessage = new Regex("status code '(\\d{3})'", RegexOptions.CultureInvariant);

        private readonly TimeSpan _keepAliveInterval;
        private readonly int _maxMessageBytes;

        public ClientWebSocketTransport()
            : this(TimeSpan.FromSeconds(20), 1024 * 1024)
        {
        }

        public ClientWebSocketTransport(TimeSpan keepAliveInterval, int maxMessageBytes)
        {
            _keepAliveInterval = keepAliveInterval;
            _maxMessageBytes = maxMessageBytes;
        }

        public bool SupportsRequestHeaders => true;

        public async Task<IPushConnection> ConnectAsync(PushConnectRequest request, CancellationToken cancellationToken)
        {
            var socket = new ClientWebSocket();
            try
            {
                socket.Options.KeepAliveInterval = _keepAliveInterval;
                foreach (var header in request.Headers)
                {
                    socket.Options.SetRequestHeader(header.Key, header.Value);
                }

                await socket.ConnectAsync(request.Url, cancellationToken).ConfigureAwait(false);
                return new ClientWebSocketConnection(socket, _maxMessageBytes);
            }
            catch (WebSocketException e)
            {
                socket.Dispose();
                var match = StatusInMessage.Match(e.Message);
                var status = match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
                throw new PushConnectException(status, "Could not open the push channel: " + e.Message, e);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }
}
