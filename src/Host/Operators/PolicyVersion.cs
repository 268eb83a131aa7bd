namespace Commerce.Host.Operators;

/// <summary>A published pricing policy version: who published it, when and why, and whether the engine runs it now.</summary>
public sealed record PolicyVersion(string Version, DateTimeOffset PublishedAt, string PublishedBy, string Why, bool Active);
