namespace Commerce.Actors.Storage;

/// <summary>A record to publish once the transaction that produced it has committed.</summary>
public sealed record OutboxWrite(string Topic, string Key, byte[] Value);
