using System;

namespace Commerce.Sdk
{
    /// <summary>One HTTP request the client wants sent. Bodies are JSON text.</summary>
    public sealed class HttpTransportRequest
    {
        public HttpTransportRequest(string method, Uri url, string? bearerToken, string? jsonBody)
        {
            Method = method;
            Url = url;
            BearerToken = bearerToken;
            JsonBody = jsonBody;
        }

        /// <summary>"GET" or "POST".</summary>
        public string Method { get; }

        public Uri Url { get; }

        /// <summary>Send as <c>Authorization: Bearer ...</c> when not null.</summary>
        public string? BearerToken { get; }

        /// <summary>Send with <c>Content-Type: application/json</c> when not null.</summary>
        public string? JsonBody { get; }
    }
}
