using Commerce.Events.Custody;
using Commerce.Payments.Following;

namespace Commerce.Payments.Deposits;

/// <summary>A deposit reported but not yet deep enough: confirmed later, or reported reorged when its block leaves the chain.</summary>
public sealed record TrackedDeposit(DepositObserved Observation, ulong BlockTime) : ITrackedObservation<DepositObserved>
{
    public string Identity => DepositIdentity.Of(Observation.TransactionHash, Observation.BlockHash);
}
