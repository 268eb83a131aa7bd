namespace Commerce.Sdk
{
    /// <summary>The status and body text of an HTTP response.</summary>
    public sealed class HttpTransportResponse
    {
        public HttpTransportResponse(int statusCode, string body)
        {
            StatusCode = statusCode;
            Body = body;
        }

        public int StatusCode { get; }

        public string Body { get; }
    }
}
