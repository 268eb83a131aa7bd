using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Commerce.Sdk
{
    /// <summary>The default <see cref="IHttpTransport"/>, over <see cref="HttpClient"/>.</summary>
    [Preserve]
    public sealed class HttpClientTransport : IHttpTransport, IDisposable
    {
        private readonly HttpClient _http;
        private readonly bool _ownsClient;

        /// <summary>Uses its own <see cref="HttpClient"/>; timeouts are applied per call by the client.</summary>
        public HttpClientTransport()
            : this(new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan }, ownsClient: true)
        {
        }

        /// <summary>Uses a game-supplied <see cref="HttpClient"/> (not disposed by the transport).</summary>
        public HttpClientTransport(HttpClient http)
            : this(http, ownsClient: false)
        {
        }

        private HttpClientTransport(HttpClient http, bool ownsClient)
        {
            _http = http ?? throw new ArgumentNullException(nameof(http));
            _ownsClient = ownsClient;
        }

        public async Task<HttpTransportResponse> SendAsync(HttpTransportRequest request, CancellationToken cancellationToken)
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/problem+json"));
            if (request.BearerToken != null)
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.BearerToken);
            }

            foreach (var header in request.Headers)
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            if (request.JsonBody != null)
            {
                message.Content = new StringContent(request.JsonBody, Encoding.UTF8, "application/json");
            }

            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken)
                .ConfigureAwait(false);
            var body = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return new HttpTransportResponse((int)response.StatusCode, body);
        }

        public void Dispose()
        {
            if (_ownsClient)
            {
                _http.Dispose();
            }
        }
    }
}
