using Commerce.Events.Custody;

namespace Commerce.Actors.Custody;

/// <summary>
/// One player's custodial balance (the custodial payment kind, docs/ORDERS.md). Key: the wallet address,
/// lowercase. Input: commerce.custody-events. The balance is never negative and a deposit is never credited twice.
/// </summary>
public interface ICustodyAccountGrain
{
    /// <summary>A top-up seen by the deposit watcher: credited once it is confirmed, at most once per transaction.</summary>
    ValueTask DepositAsync(DepositObserved deposit);

    /// <summary>Sets the order's amount aside when the balance covers it (FundsHeld), else refuses (HoldRefused).</summary>
    ValueTask HoldAsync(HoldRequested request);

    /// <summary>The order delivered: its held funds are spent.</summary>
    ValueTask CaptureAsync(HoldCaptureRequested request);

    /// <summary>The order gave up: its held funds go back to the balance.</summary>
    ValueTask ReleaseAsync(HoldReleaseRequested request);
}
