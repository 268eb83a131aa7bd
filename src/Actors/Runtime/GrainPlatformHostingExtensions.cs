using Commerce.Actors.Clustering;
using Commerce.Actors.Reminders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Commerce.Actors.Runtime;

public static class GrainPlatformHostingExtensions
{
    /// <summary>
    /// The grain platform in this host: an Orleans silo (one process on SQLite, or a member of the cluster on
    /// PostgreSQL: the "Store" and "Cluster" sections), our grain storage and reminder table over the store, and
    /// Kafka at the edges (<see cref="GrainRuntimeServiceCollectionExtensions.AddGrainRuntime"/>).
    /// <paramref name="configureSilo"/> adds what only some hosts want (the web host's dashboard).
    /// </summary>
    public static IHostApplicationBuilder AddGrainPlatform(this IHostApplicationBuilder builder, Action<ISiloBuilder>? configureSilo = null)
    {
        var storeProvider = builder.Configuration["Store:Provider"] ?? "sqlite";
        var grains = builder.Configuration.GetSection(GrainRuntimeOptions.Section).Get<GrainRuntimeOptions>() ?? new GrainRuntimeOptions();
        if (grains.IdleTimeout < TimeSpan.FromSeconds(1))
            throw new ArgumentOutOfRangeException(nameof(builder), grains.IdleTimeout, "Grains:IdleTimeout must be at least a second");
        builder.UseOrleans(silo => silo
            .UseCommerceClustering(builder.Configuration)
            .UseCommerceReminders(storeProvider)
            .UseCommerceGrains()
            .Configure<GrainCollectionOptions>(o => o.CollectionAge = grains.IdleTimeout)
            .Also(configureSilo));
        builder.Services.AddGrainRuntime(builder.Configuration);
        return builder;
    }

    private static ISiloBuilder Also(this ISiloBuilder silo, Action<ISiloBuilder>? configure)
    {
        configure?.Invoke(silo);
        return silo;
    }
}
