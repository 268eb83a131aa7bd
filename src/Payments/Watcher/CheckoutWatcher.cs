using Commerce.Actors.Runtime;
using Commerce.Actors.Storage;
using Commerce.Chain.JsonRpc;
using Commerce.Payments.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commerce.Payments.Watcher;

/// <summary>
/// Follows the Checkout contract's logs and reports them on commerce.order-events as
/// <see cref="Events.Orders.PaymentObserved"/> (first seen, confirmed at depth, or reorged), through
/// the grain store's outbox. Passes run back to back while behind the head, else every
/// Payments:PollInterval. A failed pass is logged and retried; nothing is committed by half.
/// </summary>
public sealed partial class CheckoutWatcher(
    IOptions<CheckoutWatcherOptions> options, IGrainStore store, JsonRpcClient rpc, OutboxSignal signal, CheckoutWatcherStatus status,
    TimeProvider clock, ILogger<CheckoutWatcher> logger) : BackgroundService
{
    private readonly CheckoutWatcherOptions _options = options.Value;

    public long Passes => Interlocked.Read(ref _passes);

    private long _passes;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var follower = new CheckoutFollower(_options, store, rpc, logger, signal.Notify);
        var initialized = false;
        status.Started();
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                if (!initialized)
                {
                    await store.InitializeAsync(stoppingToken);   // idempotent; the database may not be up yet
                    initialized = true;
                }
                more = await follower.PollOnceAsync(stoppingToken);
                status.Passed(clock.GetUtcNow(), follower.LastHead ?? 0, follower.State?.CursorBlock, follower.State?.Pending.Count ?? 0);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                status.Failed(ex.Message);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Checkout watcher pass failed; retrying")]
    private partial void LogPassFailed(Exception ex);
}
