using System;
using System.Threading;
using System.Threading.Tasks;

namespace Commerce.Sdk
{
    /// <summary>One open push WebSocket. Disposing it drops the connection.</summary>
    public interface IPushConnection : IDisposable
    {
        /// <summary>
        /// The next text frame, or null when the server closed the connection cleanly. Throws when
        /// the connection breaks; the subscription then reconnects.
        /// </summary>
        Task<string?> ReceiveAsync(CancellationToken cancellationToken);
    }
}
