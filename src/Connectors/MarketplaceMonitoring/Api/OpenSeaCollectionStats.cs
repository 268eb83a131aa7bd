using System.Text.Json.Serialization;

namespace Commerce.Connectors.MarketplaceMonitoring.Api;

/// <summary><c>GET /api/v2/collections/{slug}/stats</c>: the collection's totals, among them its floor.</summary>
public sealed record OpenSeaCollectionStats([property: JsonPropertyName("total")] OpenSeaStatsTotal? Total);
