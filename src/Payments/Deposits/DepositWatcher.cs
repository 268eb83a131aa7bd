using Commerce.Actors.Runtime;
using Commerce.Actors.Storage;
using Commerce.Chain.JsonRpc;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commerce.Payments.Deposits;

/// <summary>
/// Follows the chain for plain ETH sent to the custody address and reports each deposit to the player's custody
/// account as <see cref="Events.Custody.DepositObserved"/> on commerce.custody-events (first seen, confirmed at
/// depth, or reorged), through the grain store's outbox. Passes run back to back while behind the head, else every
/// Deposits:PollInterval. A failed pass is logged and retried; nothing is committed by half.
/// </summary>
public sealed partial class DepositWatcher(
    IOptions<DepositWatcherOptions> options, IGrainStore store, JsonRpcClient rpc, OutboxSignal signal, ILogger<DepositWatcher> logger) : BackgroundService
{
    private readonly DepositWatcherOptions _options = options.Value;
    private long _passes;

    /// <summary>Passes run so far (failed ones included).</summary>
    public long Passes => Interlocked.Read(ref _passes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var follower = new DepositFollower(_options, store, rpc, logger, signal.Notify);
        var initialized = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                if (!initialized)
                {
                    await store.InitializeAsync(stoppingToken);
                    initialized = true;
                }
                more = await follower.PollOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPassFailed(ex);
            }
            Interlocked.Increment(ref _passes);
            if (more)
                continue;
            try
            {
                await Task.Delay(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Deposit watcher pass failed; retrying")]
    private partial void LogPassFailed(Exception ex);
}
