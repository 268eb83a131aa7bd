namespace Commerce.Actors.Storage;

public sealed record OutboxRecord(long Id, string Topic, string Key, byte[] Value);
