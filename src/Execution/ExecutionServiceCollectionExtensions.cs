using Commerce.Actors.Storage;
using Commerce.Chain.JsonRpc;
using Commerce.Execution.Executor;
using Commerce.Execution.Keys;
using Commerce.Execution.Policy;
using Commerce.Execution.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commerce.Execution;

public static class ExecutionServiceCollectionExtensions
{
    /// <summary>
    /// The transaction executor, configured from "Execution" (and "Execution:HotWallet"), with its
    /// store in the database of the "Store" section. Needs what AddGrainPlatform registers
    /// (KafkaConnection, EventProducer, BrokerEpoch, TimeProvider); call it after that.
    /// </summary>
    public static IServiceCollection AddTransactionExecutor(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExecutorOptions>().Bind(configuration.GetSection(ExecutorOptions.Section))
            .PostConfigure(o =>
            {
                OrdersCommandPolicy.Apply(o.Policy, configuration);
                MarketingCommandPolicy.Apply(o.Policy, configuration);
                CustodyCommandPolicy.Apply(o.Policy, configuration);
            })
            .Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        if (!configuration.GetValue($"{ExecutorOptions.Section}:{nameof(ExecutorOptions.Enabled)}", false))
            return services; // nothing else: no key, no node and no tables are needed
        services.AddOptions<HotWalletOptions>().Bind(configuration.GetSection(HotWalletOptions.Section));
        services.AddSingleton<IExecutorStore>(sp =>
        {
            var store = sp.GetRequiredService<IOptions<StoreOptions>>().Value;
            var clock = sp.GetRequiredService<TimeProvider>();
            return store.Provider == "postgres"
                ? new PostgresExecutorStore(store.ConnectionString, clock)
                : new SqliteExecutorStore(store.ConnectionString, clock);
        });
        services.AddSingleton(sp => HotWallet.Load(sp.GetRequiredService<IOptions<HotWalletOptions>>().Value));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ExecutorOptions>>().Value;
            var rpc = new JsonRpcClient(new HttpClient(), new JsonRpcClientOptions { Endpoint = new Uri(options.RpcUrl) });
            return new TransactionExecutor(options, sp.GetRequiredService<HotWallet>(), sp.GetRequiredService<IExecutorStore>(), rpc,
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>());
        });
        services.AddSingleton(sp => sp.GetRequiredService<TransactionExecutor>().Signals);
        services.AddSingleton<ExecutorOutboxRelay>();
        services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<ExecutorHost>(sp));
        services.AddHostedService(sp => sp.GetRequiredService<ExecutorOutboxRelay>());
        return services;
    }
}
