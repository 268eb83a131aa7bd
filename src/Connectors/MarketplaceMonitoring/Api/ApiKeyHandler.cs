namespace Commerce.Connectors.MarketplaceMonitoring.Api;

/// <summary>Puts the marketplace API key on every call (header X-API-KEY).</summary>
public sealed class ApiKeyHandler(string apiKey) : DelegatingHandler
{
    public const string Header = "X-API-KEY";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.Remove(Header);
        request.Headers.Add(Header, apiKey);
        return base.SendAsync(request, ct);
    }
}
