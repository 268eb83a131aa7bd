using Commerce.Actors.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Commerce.Actors.Reminders;

public static class CommerceReminderExtensions
{
    /// <summary>
    /// Orleans reminders, kept in our own table beside the grain state: <paramref name="provider"/> is the
    /// <see cref="StoreOptions.Provider"/> ("sqlite" or "postgres"), and the <see cref="IGrainStore"/> registered in
    /// the silo's services must be that provider's store (the SQLite table writes through its single writer, the
    /// PostgreSQL one uses its connection pool). Rows are kept per <see cref="ClusterOptions.ServiceId"/>.
    /// </summary>
    public static ISiloBuilder UseCommerceReminders(this ISiloBuilder builder, string provider)
    {
        builder.AddReminders();
        builder.Services.AddCommerceReminderTable(provider);
        return builder;
    }

    /// <summary>Registers our <see cref="IReminderTable"/> only (the reminder service itself comes with <c>AddReminders</c>).</summary>
    public static IServiceCollection AddCommerceReminderTable(this IServiceCollection services, string provider)
    {
        Func<IServiceProvider, IReminderTable> table = provider switch
        {
            "sqlite" => sp => new SqliteReminderTable(Store<SqliteGrainStore>(sp, provider), ServiceId(sp)),
            "postgres" => sp => new PostgresReminderTable(Store<PostgresGrainStore>(sp, provider).DataSource, ServiceId(sp)),
            _ => throw new ArgumentException($"the reminder provider (Store:Provider) must be 'sqlite' or 'postgres', not '{provider}'", nameof(provider)),
        };
        services.AddSingleton(table);
        return services;
    }

    private static TStore Store<TStore>(IServiceProvider services, string provider) where TStore : class, IGrainStore
    {
        var store = services.GetRequiredService<IGrainStore>();
        return store as TStore ?? throw new InvalidOperationException(
            $"reminders on '{provider}' need the {typeof(TStore).Name} as the IGrainStore, but the registered store is a {store.GetType().Name}");
    }

    private static string ServiceId(IServiceProvider services) => services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
}
