namespace Commerce.Connectors.Ingestion;

/// <summary>Where one source stream resumes: an opaque value (a replay id, a cursor) the source gave, never computed.</summary>
public sealed record StreamPosition(string Stream, string Value);
