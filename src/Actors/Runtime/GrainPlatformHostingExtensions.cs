using Commerce.Actors.Clustering;
using Commerce.Actors.Reminders;
using Microsoft.Extensions.Hosting;

namespace Commerce.Actors.Runtime;

public static class GrainPlatformHostingExtensions
{
    /// <summary>
    /// The grain platform in this host: an Orleans silo (one process on SQLite, or a member of the cluster on
    /// PostgreSQL: the "Store" and "Cluster" sections), our grain storage and reminder table over the store, and
    /// Kafka at the edges (<see cref="GrainRuntimeServiceCollectionExtensions.AddGrainRuntime"/>).
    /// </summary>
    public static IHostApplicationBuilder AddGrainPlatform(this IHostApplicationBuilder builder)
    {
        var storeProvider = builder.Configuration["Store:Provider"] ?? "sqlite";
        builder.UseOrleans(silo => silo
            .UseCommerceClustering(builder.Configuration)
            .UseCommerceReminders(storeProvider)
            .UseCommerceGrains());
        builder.Services.AddGrainRuntime(builder.Configuration);
        return builder;
    }
}
