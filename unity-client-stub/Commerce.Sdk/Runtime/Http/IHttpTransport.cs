using System.Threading;
using System.Threading.Tasks;

namespace Commerce.Sdk
{
    /// <summary>
    /// Sends HTTP requests for <see cref="CommerceClient"/>. The default is
    /// <see cref="HttpClientTransport"/>; a WebGL build, where HttpClient has no sockets, plugs in
    /// one built on UnityWebRequest. Throw on network failure (any exception becomes
    /// <see cref="CommerceErrorKind.Network"/>); return non-2xx responses, do not throw for them.
    /// Honour <paramref name="cancellationToken"/>: the client uses it for timeouts.
    /// </summary>
    public interface IHttpTransport
    {
        Task<HttpTransportResponse> SendAsync(HttpTransportRequest request, CancellationToken cancellationToken);
    }
}
