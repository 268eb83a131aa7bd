using Commerce.Connectors.Crm.Api;
using Commerce.Connectors.Crm.Auth;
using Commerce.Connectors.Crm.Configuration;
using Commerce.Connectors.Crm.Local;
using Commerce.Connectors.Crm.Mapping;
using Commerce.Connectors.Crm.Sources;
using Commerce.Connectors.Http;
using Commerce.Connectors.Ingestion;
using Commerce.Connectors.Ingestion.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Commerce.Connectors.Crm;

public static class CrmServiceCollectionExtensions
{
    /// <summary>
    /// The CRM/loyalty connector (section "Crm", validated at start). Mode Off (the default) registers nothing else;
    /// Local serves the seeded CRM in process; Live reads the configured org. Needs the host's EventProducer,
    /// KafkaConnection and an <see cref="IConnectorDatabase"/>.
    /// </summary>
    public static IServiceCollection AddCrmConnector(this IServiceCollection services, IConfiguration configuration)
    {
        var o = services.AddConnectorOptions<CrmOptions, CrmOptionsValidator>(configuration.GetSection(CrmOptions.Section));
        if (o.Mode == ConnectorMode.Off)
            return services;

        services.TryAddSingleton(sp => CrmEndpoints.Of(sp.GetRequiredService<CrmOptions>()));
        services.TryAddSingleton(sp => Credentials(sp.GetRequiredService<CrmOptions>()));
        services.TryAddSingleton<SalesforceTokenSource>();
        services.TryAddTransient<SalesforceAuthHandler>();

        services.AddConnectorClient<ISalesforceTokenApi>("crm-token", o.AttemptTimeout, o.MaxRetries)
            .AddHttpMessageHandler(sp => new BaseAddressHandler(async ct => (await sp.GetRequiredService<CrmEndpoints>().KnownAsync(ct)).Login));
        services.AddConnectorClient<ISalesforceDataApi>("crm-data", o.AttemptTimeout, o.MaxRetries)
            .AddHttpMessageHandler(sp => new BaseAddressHandler(async ct => (await sp.GetRequiredService<CrmEndpoints>().KnownAsync(ct)).Instance))
            .AddHttpMessageHandler<SalesforceAuthHandler>();
        services.AddConnectorClient<ISalesforceStreamingApi>("crm-streaming", o.LongPollTimeout, o.MaxRetries)
            .AddHttpMessageHandler(sp => new BaseAddressHandler(async ct => (await sp.GetRequiredService<CrmEndpoints>().KnownAsync(ct)).Instance))
            .AddHttpMessageHandler<SalesforceAuthHandler>();

        services.TryAddSingleton<CrmFieldReader>();
        services.TryAddSingleton(sp => new KnownAccounts(sp.GetRequiredService<CrmOptions>().KnownAccounts));
        services.TryAddSingleton<ChangeEventProcessor>();
        services.TryAddSingleton<SoqlQueries>();
        services.TryAddSingleton<CrmRecordReader>();
        services.TryAddSingleton<CrmChangeSource>();

        if (o.Mode == ConnectorMode.Local)
        {
            services.TryAddSingleton<LocalCrm>();
            services.AddLocalSimulation<LocalCrmHost>();
        }
        services.AddConnector<CrmConnector>();
        return services;
    }

    private static CrmCredentials Credentials(CrmOptions o) => o.Mode == ConnectorMode.Local
        ? new CrmCredentials(o.Local.ClientId, o.Local.ClientSecret)
        : new CrmCredentials(o.ClientId!, o.ClientSecret!);
}
