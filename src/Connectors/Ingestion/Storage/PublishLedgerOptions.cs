namespace Commerce.Connectors.Ingestion.Storage;

/// <summary>How many published event ids a connector remembers, for how long, and how often old ones are deleted.</summary>
public sealed record PublishLedgerOptions(int Capacity, TimeSpan Retention, int PruneEvery)
{
    public static readonly PublishLedgerOptions Default = new(200_000, TimeSpan.FromDays(2), 512);
}
