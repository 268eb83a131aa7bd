using Commerce.Actors.Runtime;
using Commerce.Actors.Storage;
using Commerce.Chain.JsonRpc;
using Commerce.Payments.Following;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commerce.Payments.Deposits;

/// <summary>
/// Follows the chain for plain ETH sent to the custody address and reports each deposit to the player's custody
/// account as <see cref="Events.Custody.DepositObserved"/> on commerce.custody-events (first seen, confirmed at
/// depth, or reorged), through the grain store's outbox. Passes run back to back while behind the head, else every
/// Deposits:PollInterval.
/// </summary>
public sealed partial class DepositWatcher(
    IOptions<DepositWatcherOptions> options, IGrainStore store, JsonRpcClient rpc, OutboxSignal signal, ILogger<DepositWatcher> logger)
    : ChainWatcher(store, options.Value.PollInterval)
{
    protected override IChainFollower CreateFollower() => new DepositFollower(options.Value, Store, rpc, logger, signal.Notify);

    protected override void OnPassFailed(Exception ex) => LogPassFailed(ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deposit watcher pass failed; retrying")]
    private partial void LogPassFailed(Exception ex);
}
