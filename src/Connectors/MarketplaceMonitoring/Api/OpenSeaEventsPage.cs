using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commerce.Connectors.MarketplaceMonitoring.Api;

/// <summary>A page of <c>GET /api/v2/events/collection/{slug}</c>, newest first; <see cref="Next"/> is the cursor of the next (older) page. Events stay raw so a bad one is dead-lettered alone.</summary>
public sealed record OpenSeaEventsPage(
    [property: JsonPropertyName("asset_events")] IReadOnlyList<JsonElement> AssetEvents,
    [property: JsonPropertyName("next")] string? Next);
