using System.Text.Json.Serialization;

namespace Commerce.Connectors.Crm.Api;

/// <summary>A Bayeux server's advice: "retry" (connect again), "handshake" (start over) or "none".</summary>
public sealed record BayeuxAdvice(
    [property: JsonPropertyName("reconnect")] string? Reconnect,
    [property: JsonPropertyName("timeout")] long? Timeout,
    [property: JsonPropertyName("interval")] long? Interval);
