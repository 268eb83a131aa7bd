using System;
using System.Collections.Generic;

namespace Commerce.Sdk
{
    /// <summary>One HTTP request the client wants sent. Bodies are JSON text.</summary>
    public sealed class HttpTransportRequest
    {
        private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

        public HttpTransportRequest(string method, Uri url, string? bearerToken, string? jsonBody)
            : this(method, url, bearerToken, jsonBody, null)
        {
        }

        public HttpTransportRequest(string method, Uri url, string? bearerToken, string? jsonBody, IReadOnlyDictionary<string, string>? headers)
        {
            Method = method;
            Url = url;
            BearerToken = bearerToken;
            JsonBody = jsonBody;
            Headers = headers ?? NoHeaders;
        }

        /// <summary>"GET" or "POST".</summary>
        public string Method { get; }

        public Uri Url { get; }

        /// <summary>Send as <c>Authorization: Bearer ...</c> when not null.</summary>
        public string? BearerToken { get; }

        /// <summary>Send with <c>Content-Type: application/json</c> when not null.</summary>
        public string? JsonBody { get; }

        /// <summary>Further request headers to send as they are (for example <c>Idempotency-Key</c>).</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }
    }
}
