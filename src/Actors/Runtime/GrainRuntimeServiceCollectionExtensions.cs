using Commerce.Actors.Auctions;
using Commerce.Actors.Custody;
using Commerce.Actors.Ingress;
using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Storage;
using Commerce.Messaging.Configuration;
using Commerce.Messaging.Producing;
using Commerce.Messaging.Topics;
using Commerce.Pricing.Live;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;

namespace Commerce.Actors.Runtime;

public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>The ingress routes of the platform's grain types: which topic feeds which grain.</summary>
    public static IReadOnlyList<IngressRoute> Routes { get; } =
        [PlayerSessionGrain.Ingress, NftItemGrain.Ingress, CustodyAccountGrain.Ingress, OrderGrain.Ingress];

    /// <summary>
    /// Kafka (embedded or real), the store (SQLite or PostgreSQL), the grain storage over it, the outbox relay and an
    /// ingress per grain type, configured from the "Kafka", "Store" and "Orders" sections. The silo itself is added with
    /// <see cref="UseCommerceGrains"/>.
    /// </summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KafkaOptions>().Bind(configuration.GetSection(KafkaOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OrderOptions>().Bind(configuration.GetSection(OrderOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CustodyOptions>().Bind(configuration.GetSection(CustodyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<KafkaConnection>();
        services.AddSingleton<EventProducer>();
        services.AddSingleton<TopicProvisioner>();
        services.AddSingleton<BrokerEpoch>();
        services.AddSingleton<GrainMetrics>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IOfferRecipient, SessionOfferRecipient>();
        services.AddSingleton<IGrainStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StoreOptions>>().Value;
            var clock = sp.GetRequiredService<TimeProvider>();
            return options.Provider == "postgres"
                ? new PostgresGrainStore(options.ConnectionString, clock)
                : new SqliteGrainStore(options.ConnectionString, clock);
        });

        services.AddHostedService<PlatformStartup>();
        services.AddSingleton<OutboxRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay>());
        foreach (var route in Routes)
            services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<KafkaIngress>(sp, route));
        return services;
    }

    /// <summary>
    /// The grains' storage (<see cref="CommerceGrainStorage"/>) in this silo, an auction quote signer unless one is
    /// registered, and grain interface types looked up once per interface (<see cref="CachedGrainInterfaceTypes"/>).
    /// </summary>
    public static ISiloBuilder UseCommerceGrains(this ISiloBuilder silo)
    {
        silo.Services.TryAddSingleton<IAuctionQuoteSigner, NoAuctionQuotes>();
        CachedGrainInterfaceTypes.ReplaceIn(silo.Services);
        silo.Services.AddGrainStorage(CommerceGrainStorage.Name, (sp, _) => ActivatorUtilities.CreateInstance<CommerceGrainStorage>(sp));
        return silo;
    }
}
