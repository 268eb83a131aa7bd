namespace Commerce.Payments.Following;

/// <summary>
/// An observation reported unconfirmed and not yet deep enough, as stored: kept until it is confirmed, or reported
/// reorged when its block leaves the chain. <see cref="Identity"/> is one observation in one block (the same
/// transaction re-included in another block is another observation).
/// </summary>
public interface ITrackedObservation<out TObservation>
{
    TObservation Observation { get; }

    ulong BlockTime { get; }

    string Identity { get; }
}
