using Commerce.Connectors.Http;
using Commerce.Connectors.Ingestion;
using Commerce.Connectors.MarketplaceMonitoring.Api;
using Commerce.Connectors.MarketplaceMonitoring.Configuration;
using Commerce.Connectors.MarketplaceMonitoring.Local;
using Commerce.Connectors.MarketplaceMonitoring.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Commerce.Connectors.MarketplaceMonitoring;

public static class MarketplaceMonitoringServiceCollectionExtensions
{
    /// <summary>
    /// Marketplace monitoring (section "MarketplaceMonitoring", validated at start). Off (the default) registers
    /// nothing else; Local serves the simulated marketplace in process; Live watches the configured one.
    /// </summary>
    public static IServiceCollection AddMarketplaceMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        var o = services.AddConnectorOptions<MarketplaceMonitoringOptions, MarketplaceMonitoringOptionsValidator>(configuration.GetSection(MarketplaceMonitoringOptions.Section));
        if (o.Mode == ConnectorMode.Off)
            return services;

        services.TryAddSingleton(sp => MarketplaceEndpoints.Of(sp.GetRequiredService<MarketplaceMonitoringOptions>()));
        var apiKey = o.Mode == ConnectorMode.Local ? o.Local.ApiKey : o.ApiKey ?? "";
        services.AddConnectorClient<IOpenSeaApi>("marketplace", o.AttemptTimeout, o.MaxRetries,
                outer: b => b.AddHttpMessageHandler(sp => new RateLimitHandler(sp.GetRequiredService<TimeProvider>())))
            .AddHttpMessageHandler(sp => new BaseAddressHandler(async ct => (await sp.GetRequiredService<MarketplaceEndpoints>().KnownAsync(ct)).Api))
            .AddHttpMessageHandler(() => new ApiKeyHandler(apiKey));
        services.TryAddSingleton<RestPollSource>();
        services.TryAddSingleton(sp => new PhoenixStreamSource(
            async ct => (await sp.GetRequiredService<MarketplaceEndpoints>().KnownAsync(ct)).Stream,
            sp.GetRequiredService<MarketplaceMonitoringOptions>(), sp.GetRequiredService<TimeProvider>()));

        if (o.Mode == ConnectorMode.Local)
        {
            services.TryAddSingleton(sp => new LocalMarketplace(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<MarketplaceMonitoringOptions>().Local.StreamDropShare));
            services.AddLocalSimulation<LocalMarketplaceHost>();
        }
        services.AddConnector<MarketplaceMonitor>();
        return services;
    }
}
