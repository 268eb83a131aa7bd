using Commerce.Connectors.Marketplaces;
using Commerce.Connectors.Marketplaces.Api;
using Commerce.Connectors.Marketplaces.Callbacks;
using Commerce.Connectors.Marketplaces.Configuration;
using Commerce.Connectors.Webhooks.Dedupe;
using Commerce.Connectors.Webhooks.Sending;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Commerce.Connectors;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Marketplace webhooks in and signed callbacks out: the "Marketplaces" section (secrets per
    /// marketplace, validated at start), "Webhooks:Receiving", "Webhooks:Dedupe" and "Webhooks:Sending".
    /// The endpoint publishes through the EventProducer that the host registers (AddGrainPlatform does).
    /// </summary>
    public static IServiceCollection AddMarketplaceConnectors(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MarketplacesOptions>().Configure(o => o.Bind(configuration)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MarketplacesOptions>, MarketplacesOptionsValidator>());
        services.AddOptions<WebhookReceiverOptions>().Bind(configuration.GetSection(WebhookReceiverOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebhookDedupeOptions>().Bind(configuration.GetSection(WebhookDedupeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebhookSenderOptions>().Bind(configuration.GetSection(WebhookSenderOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWebhookIdStore>(sp =>
            new InMemoryWebhookIdStore(sp.GetRequiredService<IOptions<WebhookDedupeOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<MarketplaceDirectory>();
        services.TryAddSingleton<MarketplaceWebhookHandler>();

        services.AddProblemDetails();

        services.AddHttpClient<IWebhookSender, WebhookSender>(client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan; // each attempt has its own timeout in the resilience pipeline
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Commerce-Webhooks/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectTimeout = TimeSpan.FromSeconds(10),
            });
        return services;
    }

    /// <summary>
    /// The sale callbacks relay (<see cref="SaleCallbackRelay"/>): every item our orders deliver is told to the
    /// marketplaces with a callback URL. Needs <see cref="AddMarketplaceConnectors"/> and the host's KafkaConnection.
    /// </summary>
    public static IServiceCollection AddSaleCallbackRelay(this IServiceCollection services)
    {
        services.TryAddSingleton<SaleCallbackCounters>();
        services.TryAddSingleton<SaleCallbackRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<SaleCallbackRelay>());
        return services;
    }
}
