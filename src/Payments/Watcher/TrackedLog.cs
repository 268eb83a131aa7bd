using Commerce.Events.Orders;
using Commerce.Payments.Following;

namespace Commerce.Payments.Watcher;

/// <summary>
/// A Checkout log reported unconfirmed and not yet deep enough: kept until it is confirmed, or
/// reported reorged when its block leaves the chain. <see cref="Observation"/> is what was published.
/// </summary>
public sealed record TrackedLog(PaymentObserved Observation, ulong BlockTime) : ITrackedObservation<PaymentObserved>
{
    public string Identity => LogIdentity.Of(Observation.TransactionHash, Observation.LogIndex, Observation.BlockHash);
}
