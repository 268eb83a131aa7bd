using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commerce.Connectors.MarketplaceMonitoring.Api;

/// <summary>A page of best listings (<c>listings</c>) or collection offers (<c>offers</c>), with the <c>next</c> cursor.</summary>
public sealed record OpenSeaOrdersPage(
    [property: JsonPropertyName("listings")] IReadOnlyList<JsonElement>? Listings,
    [property: JsonPropertyName("offers")] IReadOnlyList<JsonElement>? Offers,
    [property: JsonPropertyName("next")] string? Next);
