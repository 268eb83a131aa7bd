using Commerce.Actors.Runtime;
using Commerce.Actors.Storage;
using Commerce.Chain.JsonRpc;
using Commerce.Payments.Following;
using Commerce.Payments.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commerce.Payments.Watcher;

/// <summary>
/// Follows the Checkout contract's logs and reports them on commerce.order-events as
/// <see cref="Events.Orders.PaymentObserved"/> (first seen, confirmed at depth, or reorged), through
/// the grain store's outbox. Passes run back to back while behind the head, else every
/// Payments:PollInterval; <see cref="CheckoutWatcherStatus"/> is updated after each.
/// </summary>
public sealed partial class CheckoutWatcher(
    IOptions<CheckoutWatcherOptions> options, IGrainStore store, JsonRpcClient rpc, OutboxSignal signal, CheckoutWatcherStatus status,
    TimeProvider clock, ILogger<CheckoutWatcher> logger) : ChainWatcher(store, options.Value.PollInterval)
{
    protected override IChainFollower CreateFollower() => new CheckoutFollower(options.Value, Store, rpc, logger, signal.Notify);

    protected override void OnStarted() => status.Started();

    protected override void OnPassed(IChainFollower follower) =>
        status.Passed(clock.GetUtcNow(), follower.LastHead ?? 0, follower.CursorBlock, follower.PendingCount);

    protected override void OnPassFailed(Exception ex)
    {
        status.Failed(ex.Message);
        LogPassFailed(ex);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Checkout watcher pass failed; retrying")]
    private partial void LogPassFailed(Exception ex);
}
