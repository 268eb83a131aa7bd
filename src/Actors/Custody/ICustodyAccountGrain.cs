using Commerce.Actors.Runtime;
using Commerce.Events.Custody;

namespace Commerce.Actors.Custody;

/// <summary>
/// One player's custodial balance (the custodial payment kind, docs/ORDERS.md). Key: the wallet address, lowercase.
/// Fed by commerce.custody-events deposits (<see cref="IIngressGrain.ApplyAsync"/>); order grains call it for holds.
/// Every request is idempotent per order. The balance is never negative and a deposit is never credited twice.
/// </summary>
[Alias("commerce.ICustodyAccountGrain")]
public interface ICustodyAccountGrain : IIngressGrain
{
    /// <summary>Sets the order's amount aside when the balance covers it (answers FundsHeld), else refuses (HoldRefused).</summary>
    [Alias("Hold")]
    Task<Replies> HoldAsync(HoldRequested request);

    /// <summary>The order delivered: its held funds are spent.</summary>
    [Alias("Capture")]
    Task<Replies> CaptureAsync(HoldCaptureRequested request);

    /// <summary>The order gave up: its held funds go back to the balance.</summary>
    [Alias("Release")]
    Task<Replies> ReleaseAsync(HoldReleaseRequested request);

    /// <summary>
    /// The player withdraws to its own wallet: answers WithdrawalAccepted (debited once per withdrawal id, a repeat answered
    /// the same) or WithdrawalRefused naming the field (over a limit, above the balance; nothing debited).
    /// </summary>
    [Alias("Withdraw")]
    Task<Replies> WithdrawAsync(WithdrawalRequested request);
}
