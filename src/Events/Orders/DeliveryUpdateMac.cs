using Commerce.Events.Chain;

namespace Commerce.Events.Orders;

/// <summary>
/// Checks a routed <see cref="DeliveryUpdated"/> against the executor's mark (<see cref="ChainUpdateMac"/>) for the order
/// grains (requester "orders", key Orders:CommandKey): command id, status, transaction hash and reason must be the ones
/// the executor marked.
/// </summary>
public static class DeliveryUpdateMac
{
    /// <summary>Whether the update is the executor's word under the order grains' <paramref name="key"/>.</summary>
    public static bool Verify(DeliveryUpdated update, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(update);
        return ChainUpdateMac.Matches(update.ExecutorMac, key, ChainCommandKinds.OrdersRequester, update.CommandId, update.Status,
            update.TransactionHash, update.Reason);
    }
}
