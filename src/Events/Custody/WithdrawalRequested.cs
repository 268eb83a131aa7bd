using Orleans;

namespace Commerce.Events.Custody;

/// <summary>
/// The player of <see cref="Wallet"/> asked to withdraw <see cref="Amount"/> wei of its custodial balance to that same
/// wallet. <see cref="WithdrawalId"/> is the player's idempotency key: however often it is asked, one debit and one
/// transaction. Answered with WithdrawalAccepted or WithdrawalRefused. Key: the wallet (lowercase).
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.WithdrawalRequested")]
public sealed record WithdrawalRequested(
    [property: Id(0)] string Wallet,
    [property: Id(1)] string WithdrawalId,
    [property: Id(2)] string Amount) : IEvent;
