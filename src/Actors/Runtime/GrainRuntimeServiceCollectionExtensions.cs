using Commerce.Actors.Custody;
using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Storage;
using Commerce.Messaging.Configuration;
using Commerce.Messaging.Producing;
using Commerce.Messaging.Topics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Commerce.Actors.Runtime;

public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Kafka (embedded or real), the grain store (SQLite or PostgreSQL), the outbox relay and a host
    /// per grain type, configured from the "Kafka", "Store" and "Grains" sections.
    /// </summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KafkaOptions>().Bind(configuration.GetSection(KafkaOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GrainRuntimeOptions>().Bind(configuration.GetSection(GrainRuntimeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OrderOptions>().Bind(configuration.GetSection(OrderOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<KafkaConnection>();
        services.AddSingleton<EventProducer>();
        services.AddSingleton<TopicProvisioner>();
        services.AddSingleton<BrokerEpoch>();
        services.AddSingleton<GrainMetrics>();
        services.AddSingleton<OutboxSignal>();
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
        services.AddHostedService<ReminderPump>();
        services.AddGrain(PlayerSessionGrain.Definition);
        services.AddGrain(NftItemGrain.Definition);
        services.AddGrain(CustodyAccountGrain.Definition);
        services.AddGrain(OrderGrain.DefinitionFor(configuration.GetSection(OrderOptions.Section).Get<OrderOptions>() ?? new OrderOptions()));
        return services;
    }

    /// <summary>Hosts a grain type in this instance.</summary>
    public static IServiceCollection AddGrain(this IServiceCollection services, GrainDefinition definition)
    {
        services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<GrainHost>(sp, definition));
        return services;
    }
}
