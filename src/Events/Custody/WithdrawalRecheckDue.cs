using Orleans;

namespace Commerce.Events.Custody;

/// <summary>
/// The custody account grain's own reminder: withdrawal <see cref="WithdrawalId"/> has had no word from the executor, so
/// its command is asked again (the same command id, so never a second transaction). Key: the wallet.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.WithdrawalRecheckDue")]
public sealed record WithdrawalRecheckDue(
    [property: Id(0)] string Wallet,
    [property: Id(1)] string WithdrawalId) : IEvent;
