namespace Commerce.Connectors.Http;

/// <summary>Sends a typed client's calls to a base address known only at run time (a local server's port), keeping path and query.</summary>
public sealed class BaseAddressHandler(Func<CancellationToken, Task<Uri>> baseAddress) : DelegatingHandler
{
    /// <summary>What typed clients are configured with until the handler rewrites it.</summary>
    public static readonly Uri Placeholder = new("http://connector.invalid/");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (request.RequestUri is { } uri && uri.Host == Placeholder.Host)
            request.RequestUri = new Uri(await baseAddress(ct), uri.PathAndQuery);
        return await base.SendAsync(request, ct);
    }
}
