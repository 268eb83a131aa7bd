namespace Commerce.Connectors.Tests.Support;

/// <summary>One request as the receiver saw it; <see cref="ArrivedAt"/> is a Stopwatch timestamp.</summary>
public sealed record ReceivedWebhook(long ArrivedAt, string? Id, string? Timestamp, string? Signature, byte[] Body, string? ContentType);
