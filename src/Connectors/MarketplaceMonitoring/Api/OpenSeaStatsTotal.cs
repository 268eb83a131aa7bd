using System.Text.Json.Serialization;

namespace Commerce.Connectors.MarketplaceMonitoring.Api;

/// <summary>The all-time totals of collection stats: the floor (whole units of <see cref="FloorPriceSymbol"/>), sales, owners.</summary>
public sealed record OpenSeaStatsTotal(
    [property: JsonPropertyName("floor_price")] decimal? FloorPrice,
    [property: JsonPropertyName("floor_price_symbol")] string? FloorPriceSymbol,
    [property: JsonPropertyName("sales")] long? Sales,
    [property: JsonPropertyName("num_owners")] long? NumOwners);
