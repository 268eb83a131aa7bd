using Commerce.Events.Chain;

namespace Commerce.Events.Custody;

/// <summary>
/// Checks a routed <see cref="WithdrawalUpdated"/> against the executor's mark (<see cref="ChainUpdateMac"/>) for the
/// custody accounts (requester "custody", key Custody:CommandKey): command id, stage, transaction hash and detail (the
/// executor's reason) must be the ones the executor marked.
/// </summary>
public static class WithdrawalUpdateMac
{
    /// <summary>Whether the update is the executor's word under the custody accounts' <paramref name="key"/>.</summary>
    public static bool Verify(WithdrawalUpdated update, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(update);
        return ChainUpdateMac.Matches(update.ExecutorMac, key, ChainCommandKinds.CustodyRequester, update.CommandId, update.Stage,
            update.TransactionHash, update.Detail);
    }
}
