using System;
using System.IO;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Commerce.Sdk
{
    /// <summary>Reads whole text messages from a <see cref="ClientWebSocket"/>.</summary>
    internal sealed class ClientWebSocketConnection : IPushConnection
    {
        private readonly ClientWebSocket _socket;
        private readonly int _maxMessageBytes;
        private readonly byte[] _buffer = new byte[8192];
        private readonly MemoryStream _message = new MemoryStream();

        public ClientWebSocketConnection(ClientWebSocket socket, int maxMessageBytes)
        {
            _socket = socket;
            _maxMessageBytes = maxMessageBytes;
        }

        public async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
        {
            _message.SetLength(0);
            while (true)
            {
                var result = await _socket.ReceiveAsync(new ArraySegment<byte>(_buffer), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    try
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, cancellationToken)
                            .ConfigureAwait(false);
                    }
                    catch (WebSocketException)
                    {
                        // The server is gone already; the close is complete either way.
                    }

                    return null;
                }

                if (_message.Length + result.Count > _maxMessageBytes)
                {
                    throw new InvalidDataException("Push frame larger than " + _maxMessageBytes + " bytes.");
                }

                _message.Write(_buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return Encoding.UTF8.GetString(_message.GetBuffer(), 0, (int)_message.Length);
                }
            }
        }

        public void Dispose()
        {
            _socket.Abort();
            _socket.Dispose();
            _message.Dispose();
        }
    }
}
