using Orleans;

namespace Commerce.Events.Custody;

/// <summary>
/// The withdrawal <see cref="WithdrawalId"/> was refused and nothing was debited: <see cref="Field"/> is the request's
/// field at fault (amount, withdrawalId), <see cref="Reason"/> says why (over a limit, above the balance). Key: the wallet.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.WithdrawalRefused")]
public sealed record WithdrawalRefused(
    [property: Id(0)] string Wallet,
    [property: Id(1)] string WithdrawalId,
    [property: Id(2)] string Field,
    [property: Id(3)] string Reason) : IEvent;
