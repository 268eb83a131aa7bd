using Commerce.Connectors.Ingestion.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

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

    /// <summary>
    /// A connector's options bound to <paramref name="section"/>, checked at start by <typeparamref name="TValidator"/>
    /// and available as a plain singleton; answers them as configured (to see the mode while registering).
    /// </summary>
    public static TOptions AddConnectorOptions<TOptions, TValidator>(this IServiceCollection services, IConfigurationSection section)
        where TOptions : class, new()
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<TOptions>>().Value);
        return section.Get<TOptions>() ?? new TOptions();
    }

    /// <summary>A connector, run as a hosted service and listed as an <see cref="IConnector"/> (register its local simulation first).</summary>
    public static IServiceCollection AddConnector<TConnector>(this IServiceCollection services)
        where TConnector : class, IConnector, IHostedService
    {
        services.AddConnectorIngestion();
        services.TryAddSingleton<TConnector>();
        services.AddSingleton<IConnector>(sp => sp.GetRequiredService<TConnector>());
        services.AddHostedService(sp => sp.GetRequiredService<TConnector>());
        return services;
    }

    /// <summary>A local simulation's host, a hosted service started before the connector (which needs its address).</summary>
    public static IServiceCollection AddLocalSimulation<THost>(this IServiceCollection services)
        where THost : class, IHostedService
    {
        services.TryAddSingleton<THost>();
        services.AddHostedService(sp => sp.GetRequiredService<THost>());
        return services;
    }
}
