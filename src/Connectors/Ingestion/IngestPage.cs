namespace Commerce.Connectors.Ingestion;

/// <summary>What one request to a source answered (the unit of the service's rate limit): its facts, in source order.</summary>
public sealed record IngestPage(IReadOnlyList<IngestUnit> Units)
{
    public static readonly IngestPage Empty = new([]);

    public static IngestPage Of(IngestUnit unit) => new([unit]);
}
