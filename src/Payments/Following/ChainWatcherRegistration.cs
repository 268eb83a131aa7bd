using Commerce.Chain.JsonRpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Commerce.Payments.Following;

/// <summary>Registers a chain watcher's hosted service: idle while its options say Enabled false, else made with a JSON-RPC client of its RpcUrl.</summary>
internal static class ChainWatcherRegistration
{
    public static IServiceCollection AddChainWatcherService<TOptions>(this IServiceCollection services,
        Func<IServiceProvider, IOptions<TOptions>, JsonRpcClient, IHostedService> create)
        where TOptions : ChainWatcherOptions
    {
        services.AddSingleton<IHostedService>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TOptions>>();
            if (!options.Value.Enabled)
                return new IdleService();
            var rpc = new JsonRpcClient(new HttpClient(), new JsonRpcClientOptions { Endpoint = new Uri(options.Value.RpcUrl) });
            return create(sp, options, rpc);
        });
        return services;
    }
}
