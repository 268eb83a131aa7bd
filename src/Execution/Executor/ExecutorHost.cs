using Commerce.Actors.Runtime;
using Commerce.Messaging.Configuration;
using Microsoft.Extensions.Hosting;

namespace Commerce.Execution.Executor;

/// <summary>
/// The hosted executor: starts the executor (chain id check, nonce resync), then runs its tracker
/// and its consumer group on commerce.chain-commands until the host stops.
/// </summary>
public sealed class ExecutorHost(TransactionExecutor executor, KafkaConnection connection, BrokerEpoch epoch) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await executor.Store.InitializeAsync(stoppingToken);
        await executor.StartAsync(stoppingToken);
        var currentEpoch = await epoch.GetAsync(stoppingToken);
        var tracker = executor.RunTrackerAsync(stoppingToken);
        var consumer = executor.RunConsumerAsync(connection, currentEpoch, stoppingToken);
        await Task.WhenAll(tracker, consumer);
    }
}
