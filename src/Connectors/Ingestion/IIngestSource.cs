namespace Commerce.Connectors.Ingestion;

/// <summary>
/// A stream of pages from an external system, resumed from the stored positions. Each call is a fresh read: the
/// pipeline calls it again, from the positions stored by then, after a failure (with backoff).
/// </summary>
public interface IIngestSource
{
    /// <summary>A name for logs and metrics ("crm", "opensea.rest", "opensea.stream").</summary>
    string Name { get; }

    IAsyncEnumerable<IngestPage> ReadAsync(IReadOnlyDictionary<string, string> positions, CancellationToken ct);
}
