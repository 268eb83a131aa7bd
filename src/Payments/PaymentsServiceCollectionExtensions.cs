using Commerce.Actors.Runtime;
using Commerce.Actors.Storage;
using Commerce.Payments.Following;
using Commerce.Payments.Options;
using Commerce.Payments.Watcher;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Commerce.Payments;

public static class PaymentsServiceCollectionExtensions
{
    /// <summary>
    /// The Checkout watcher, configured from "Payments" and validated at start. It writes to the grain
    /// store and its outbox, which the grain runtime's relay publishes: call it after AddGrainPlatform.
    /// With Payments:Enabled false (the default) nothing runs. <see cref="CheckoutWatcherStatus"/> tells
    /// where the watcher stands (for a health check).
    /// </summary>
    public static IServiceCollection AddCheckoutWatcher(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CheckoutWatcherOptions>().Bind(configuration.GetSection(CheckoutWatcherOptions.Section))
            .Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        services.AddSingleton<CheckoutWatcherStatus>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddChainWatcherService<CheckoutWatcherOptions>((sp, options, rpc) =>
            new CheckoutWatcher(options, sp.GetRequiredService<IGrainStore>(), rpc, sp.GetRequiredService<OutboxSignal>(),
                sp.GetRequiredService<CheckoutWatcherStatus>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<CheckoutWatcher>>()));
        return services;
    }
}
