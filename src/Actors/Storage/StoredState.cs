namespace Commerce.Actors.Storage;

/// <summary>A grain's state as stored: JSON, and a version that counts its commits.</summary>
public sealed record StoredState(string GrainType, string Key, string Json, long Version, DateTimeOffset UpdatedAt);
