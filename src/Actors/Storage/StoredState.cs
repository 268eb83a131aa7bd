namespace Commerce.Actors.Storage;

/// <summary>
/// A grain's state as stored: JSON, a version that counts its commits, and (written with <see cref="GrainWrite"/>)
/// the ingress positions applied to it as JSON.
/// </summary>
public sealed record StoredState(string GrainType, string Key, string Json, long Version, DateTimeOffset UpdatedAt, string? Origins = null);
