using System.Text.Json.Serialization;

namespace Commerce.Connectors.MarketplaceMonitoring.Api;

/// <summary>An amount in an event: <see cref="Quantity"/> base units of a token with <see cref="Decimals"/> decimals.</summary>
public sealed record OpenSeaPayment(
    [property: JsonPropertyName("quantity")] string? Quantity,
    [property: JsonPropertyName("token_address")] string? TokenAddress,
    [property: JsonPropertyName("decimals")] int? Decimals,
    [property: JsonPropertyName("symbol")] string? Symbol);
