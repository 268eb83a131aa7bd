using Refit;

namespace Commerce.Connectors.Crm.Api;

/// <summary>The org's OAuth 2.0 token endpoint (Refit).</summary>
public interface ISalesforceTokenApi
{
    [Post("/services/oauth2/token")]
    Task<SalesforceToken> RequestAsync([Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form, CancellationToken ct);
}
