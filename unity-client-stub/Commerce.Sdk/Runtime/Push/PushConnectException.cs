using System;

namespace Commerce.Sdk
{
    /// <summary>The push WebSocket could not be opened; <see cref="StatusCode"/> is the HTTP status when the server answered.</summary>
    public sealed class PushConnectException : Exception
    {
        public PushConnectException(int? statusCode, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            StatusCode = statusCode;
        }

        public int? StatusCode { get; }
    }
}
