namespace Commerce.Actors.Storage;

public sealed record StateWrite(string Key, string Json, long Version);
