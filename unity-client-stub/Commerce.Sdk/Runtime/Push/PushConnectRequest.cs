using System;
using System.Collections.Generic;

namespace Commerce.Sdk
{
    /// <summary>Where to open the push WebSocket and which headers to send with the upgrade request.</summary>
    public sealed class PushConnectRequest
    {
        public PushConnectRequest(Uri url, IReadOnlyDictionary<string, string> headers)
        {
            Url = url;
            Headers = headers;
        }

        /// <summary>ws:// or wss:// URL of <c>/api/push?cursor=N</c> (plus <c>access_token</c> for header-less transports).</summary>
        public Uri Url { get; }

        /// <summary>Request headers (the Authorization header when the transport supports headers).</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }
    }
}
