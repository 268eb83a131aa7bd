using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Commerce.Connectors.Marketplaces.Api;

/// <summary>The endpoint NFT marketplaces post their signed webhooks to.</summary>
public static class MarketplaceWebhookApi
{
    public const string Route = "/api/marketplaces/{marketplace}/webhooks";

    /// <summary>
    /// Maps POST /api/marketplaces/{marketplace}/webhooks. It is anonymous at the authentication
    /// layer: a marketplace proves itself with its Standard Webhooks signature, checked on the raw body.
    /// Needs <see cref="ConnectorServiceCollectionExtensions.AddMarketplaceConnectors"/> and an EventProducer.
    /// </summary>
    public static IEndpointRouteBuilder MapMarketplaceWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, (string marketplace, HttpContext context, MarketplaceWebhookHandler handler) =>
                handler.HandleAsync(marketplace, context))
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithTags("Marketplaces")
            .WithSummary("Receives a marketplace's signed webhook (Standard Webhooks) and publishes what it reports")
            .Produces<MarketplaceWebhookReceipt>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }
}
