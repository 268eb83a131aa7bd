using System.Text.Json.Serialization;

namespace Commerce.Connectors.Crm.Api;

/// <summary>
/// The OAuth 2.0 token endpoint's answer (client credentials flow). Salesforce sends no expiry: a token is used until
/// a call answers 401 INVALID_SESSION_ID. <see cref="InstanceUrl"/> is where the org's REST and streaming APIs are.
/// </summary>
public sealed record SalesforceToken(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("instance_url")] string? InstanceUrl,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("issued_at")] string? IssuedAt);
