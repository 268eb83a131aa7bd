using Commerce.Actors.Runtime;
using Commerce.Actors.Storage;
using Commerce.Chain.Crypto;
using Commerce.Payments.Delivery;
using Commerce.Payments.Deposits;
using Commerce.Payments.Following;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Commerce.Payments;

public static class CustodyServiceCollectionExtensions
{
    /// <summary>
    /// The deposit watcher (custodial top-ups), configured from "Deposits" and validated at start. Unset keys follow
    /// the executor's: the custody address is the address of Execution:HotWallet:PrivateKey, the node
    /// Execution:RpcUrl, and it runs where Execution:Enabled is true. It writes to the grain store and its outbox,
    /// which the grain runtime's relay publishes: call it after AddGrainPlatform.
    /// </summary>
    public static IServiceCollection AddDepositWatcher(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DepositWatcherOptions.Section);
        services.AddOptions<DepositWatcherOptions>().Bind(section)
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.CustodyAddress))
                    o.CustodyAddress = HotWalletAddress(configuration) ?? "";
                if (string.IsNullOrWhiteSpace(o.MarkKey))
                    o.MarkKey = configuration["Custody:DepositKey"] ?? "";
                if (section[nameof(DepositWatcherOptions.RpcUrl)] is null && configuration["Execution:RpcUrl"] is { Length: > 0 } rpc)
                    o.RpcUrl = rpc;
                if (section[nameof(DepositWatcherOptions.Enabled)] is null)
                    o.Enabled = configuration.GetValue("Execution:Enabled", false) && o.CustodyAddress.Length > 0;
            })
            .Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        services.AddChainWatcherService<DepositWatcherOptions>((sp, options, rpc) =>
            new DepositWatcher(options, sp.GetRequiredService<IGrainStore>(), rpc, sp.GetRequiredService<OutboxSignal>(),
                sp.GetRequiredService<ILogger<DepositWatcher>>()));
        return services;
    }

    /// <summary>
    /// The router of the executor's lifecycle events to the orders they are for (DeliveryUpdated on
    /// commerce.order-events). Needs what AddGrainPlatform registers (KafkaConnection, EventProducer).
    /// </summary>
    public static IServiceCollection AddDeliveryRouter(this IServiceCollection services)
    {
        services.AddSingleton<DeliveryRouter>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryRouter>());
        return services;
    }

    /// <summary>The address of the configured hot wallet key, or null when none (or an unreadable one) is configured.</summary>
    private static string? HotWalletAddress(IConfiguration configuration)
    {
        var key = configuration["Execution:HotWallet:PrivateKey"];
        if (string.IsNullOrWhiteSpace(key))
            return null;
        try
        {
            return EthPrivateKey.FromHex(key, "Execution:HotWallet:PrivateKey").Address.ToString();
        }
        catch (Exception e) when (e is FormatException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            return null;   // the executor's own validation names the key
        }
    }
}
