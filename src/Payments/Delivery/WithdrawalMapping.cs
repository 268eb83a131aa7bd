using Commerce.Actors.Custody;
using Commerce.Events.Chain;
using Commerce.Events.Custody;

namespace Commerce.Payments.Delivery;

/// <summary>
/// From the executor's lifecycle event of a command "custody:&lt;wallet&gt;:withdraw:&lt;id&gt;" to the custody account's
/// <see cref="WithdrawalUpdated"/> (stage = the executor's stage; detail = the failure reason; the executor's mark carried
/// as it is, for the account to check). Other commands are not mapped.
/// </summary>
public static class WithdrawalMapping
{
    public static WithdrawalUpdated? Map(ChainTransactionUpdated update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return CustodyAccountGrain.WalletOf(update.CommandId) is { } wallet
            ? new WithdrawalUpdated(wallet, update.CommandId, update.Stage, update.TransactionHash, update.Reason) { ExecutorMac = update.ExecutorMac }
            : null;
    }
}
