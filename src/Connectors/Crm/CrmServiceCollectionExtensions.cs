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
        var section = configuration.GetSection(CrmOptions.Section);
        services.AddOptions<CrmOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CrmOptions>, CrmOptionsValidator>());
        var mode = section.GetValue<ConnectorMode?>(nameof(CrmOptions.Mode)) ?? ConnectorMode.Off;
        if (mode == ConnectorMode.Off)
            return services;

        services.AddConnectorIngestion();
        services.TryAddSingleton(sp => CrmEndpoints.Of(sp.GetRequiredService<IOptions<CrmOptions>>().Value));
        services.TryAddSingleton(sp => Credentials(sp.GetRequiredService<IOptions<CrmOptions>>().Value));
        services.TryAddSingleton<SalesforceTokenSource>();
        services.TryAddTransient<SalesforceAuthHandler>();

        var o = section.Get<CrmOptions>() ?? new CrmOptions();
        services.AddConnectorClient<ISalesforceTokenApi>("crm-token", o.AttemptTimeout, o.MaxRetries)
            .AddHttpMessageHandler(sp => new BaseAddressHandler(async ct => (await sp.GetRequiredService<CrmEndpoints>().KnownAsync(ct)).Login));
        services.AddConnectorClient<ISalesforceDataApi>("crm-data", o.AttemptTimeout, o.MaxRetries)
            .AddHttpMessageHandler(sp => new BaseAddressHandler(async ct => (await sp.GetRequiredService<CrmEndpoints>().KnownAsync(ct)).Instance))
            .AddHttpMessageHandler<SalesforceAuthHandler>();
        services.AddConnectorClient<ISalesforceStreamingApi>("crm-streaming", o.LongPollTimeout, o.MaxRetries)
            .AddHttpMessageHandler(sp => new BaseAddressHandler(async ct => (await sp.GetRequiredService<CrmEndpoints>().KnownAsync(ct)).Instance))
            .AddHttpMessageHandler<SalesforceAuthHandler>();

        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<CrmOptions>>().Value);
        services.TryAddSingleton<CrmFieldReader>();
        services.TryAddSingleton(sp => new KnownAccounts(sp.GetRequiredService<CrmOptions>().KnownAccounts));
        services.TryAddSingleton<ChangeEventProcessor>();
        services.TryAddSingleton<SoqlQueries>();
        services.TryAddSingleton<CrmRecordReader>();
        services.TryAddSingleton<CrmChangeSource>();

        if (mode == ConnectorMode.Local)
        {
            services.TryAddSingleton<LocalCrm>();
            services.TryAddSingleton<LocalCrmHost>();
            services.AddHostedService(sp => sp.GetRequiredService<LocalCrmHost>()); // before the connector: it needs the address
        }
        services.TryAddSingleton<CrmConnector>();
        services.AddSingleton<IConnector>(sp => sp.GetRequiredService<CrmConnector>());
        services.AddHostedService(sp => sp.GetRequiredService<CrmConnector>());
        return services;
    }

    private static CrmCredentials Credentials(CrmOptions o) => o.Mode == ConnectorMode.Local
        ? new CrmCredentials(o.Local.ClientId, o.Local.ClientSecret)
        : new CrmCredentials(o.ClientId!, o.ClientSecret!);
}
