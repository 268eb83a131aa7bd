namespace Commerce.Connectors.MarketplaceMonitoring.Local;

/// <summary>One event of the simulated marketplace: its REST JSON and its stream message (null: not on the stream).</summary>
public sealed record LocalMarketEvent(string Slug, long Timestamp, byte[] RestJson, byte[]? StreamJson);
