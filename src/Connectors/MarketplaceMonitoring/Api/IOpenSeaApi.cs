using Refit;

namespace Commerce.Connectors.MarketplaceMonitoring.Api;

/// <summary>The marketplace's REST API v2 (Refit); every call carries X-API-KEY (<see cref="ApiKeyHandler"/>).</summary>
public interface IOpenSeaApi
{
    [Get("/api/v2/collections/{slug}/stats")]
    Task<OpenSeaCollectionStats> GetStatsAsync(string slug, CancellationToken ct);

    /// <param name="after">Unix seconds: only events after it.</param>
    [Get("/api/v2/events/collection/{slug}")]
    Task<OpenSeaEventsPage> GetEventsAsync(string slug, [AliasAs("after")] long? after, [AliasAs("next")] string? next, [AliasAs("limit")] int limit, CancellationToken ct);

    [Get("/api/v2/listings/collection/{slug}/best")]
    Task<OpenSeaOrdersPage> GetBestListingsAsync(string slug, [AliasAs("next")] string? next, [AliasAs("limit")] int limit, CancellationToken ct);

    [Get("/api/v2/offers/collection/{slug}")]
    Task<OpenSeaOrdersPage> GetOffersAsync(string slug, [AliasAs("next")] string? next, CancellationToken ct);
}
