namespace Commerce.Connectors.Crm.Sources;

/// <summary>The streaming server refused a meta message; <see cref="Reconnect"/> is its advice ("retry", "handshake", "none").</summary>
public sealed class BayeuxException(string message, string? reconnect) : Exception(message)
{
    public string? Reconnect { get; } = reconnect;
}
