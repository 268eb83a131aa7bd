using Commerce.Connectors.Http;

namespace Commerce.Connectors.MarketplaceMonitoring.Configuration;

/// <summary>Where the marketplace's REST API and stream are: the configured URLs (live), or the simulated marketplace's address once it started (local).</summary>
public sealed class MarketplaceEndpoints : ServiceAddresses<(Uri Api, Uri Stream)>
{
    public static MarketplaceEndpoints Of(MarketplaceMonitoringOptions options)
    {
        var endpoints = new MarketplaceEndpoints();
        if (options.Mode == Ingestion.ConnectorMode.Live)
            endpoints.Set((new Uri(options.ApiUrl!), new Uri(options.StreamUrl ?? "ws://stream.invalid/")));
        return endpoints;
    }
}
