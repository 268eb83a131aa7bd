using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commerce.Connectors.Crm.Api;

/// <summary>
/// A Bayeux (CometD) message of the Streaming API: meta messages (/meta/handshake, /meta/subscribe, /meta/connect)
/// and event deliveries (channel /data/AccountChangeEvent, <see cref="Data"/> = { schema, payload, event.replayId }).
/// </summary>
public sealed record BayeuxMessage
{
    [JsonPropertyName("channel")] public string Channel { get; init; } = "";
    [JsonPropertyName("clientId")] public string? ClientId { get; init; }
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("version")] public string? Version { get; init; }
    [JsonPropertyName("supportedConnectionTypes")] public IReadOnlyList<string>? SupportedConnectionTypes { get; init; }
    [JsonPropertyName("connectionType")] public string? ConnectionType { get; init; }
    [JsonPropertyName("subscription")] public string? Subscription { get; init; }
    [JsonPropertyName("successful")] public bool? Successful { get; init; }
    [JsonPropertyName("error")] public string? Error { get; init; }
    [JsonPropertyName("advice")] public BayeuxAdvice? Advice { get; init; }
    [JsonPropertyName("ext")] public JsonElement? Ext { get; init; }
    [JsonPropertyName("data")] public JsonElement? Data { get; init; }
}
