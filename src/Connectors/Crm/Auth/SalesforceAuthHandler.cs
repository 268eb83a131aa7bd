using System.Net;
using System.Net.Http.Headers;

namespace Commerce.Connectors.Crm.Auth;

/// <summary>
/// Puts the bearer token on every call and sends it to the token's instance_url. A 401 whose body names
/// INVALID_SESSION_ID (the token expired or was revoked; Salesforce tokens carry no expiry) fetches a new token once
/// and sends the call again; a second 401 is the caller's.
/// </summary>
public sealed class SalesforceAuthHandler(SalesforceTokenSource tokens) : DelegatingHandler
{
    public const string InvalidSession = "INVALID_SESSION_ID";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var token = await tokens.GetAsync(ct);
        var response = await SendWithAsync(request, token, ct);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
            return response;
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!body.Contains(InvalidSession, StringComparison.Ordinal))
            return Rebuffered(response, body);
        response.Dispose();
        tokens.Invalidate(token);
        return await SendWithAsync(request, await tokens.GetAsync(ct), ct);
    }

    private Task<HttpResponseMessage> SendWithAsync(HttpRequestMessage request, Api.SalesforceToken token, CancellationToken ct)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        if (Uri.TryCreate(token.InstanceUrl, UriKind.Absolute, out var instance) && request.RequestUri is { } uri)
            request.RequestUri = new Uri(instance, uri.PathAndQuery);
        return base.SendAsync(request, ct);
    }

    private static HttpResponseMessage Rebuffered(HttpResponseMessage response, string body)
    {
        var contentType = response.Content.Headers.ContentType;
        response.Content = new StringContent(body);
        response.Content.Headers.ContentType = contentType;
        return response;
    }
}
