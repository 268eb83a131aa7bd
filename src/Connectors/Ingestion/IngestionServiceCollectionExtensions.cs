using Commerce.Connectors.Ingestion.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Commerce.Connectors.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>What every ingestion connector shares: the clock, the actor system its streams run on, the pending-id resolver.</summary>
    public static IServiceCollection AddConnectorIngestion(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConnectorActorSystem>();
        services.TryAddSingleton<PendingResolver>();
        return services;
    }
}
