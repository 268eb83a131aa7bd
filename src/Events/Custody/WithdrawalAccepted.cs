using Orleans;

namespace Commerce.Events.Custody;

/// <summary>
/// The withdrawal <see cref="WithdrawalId"/> was debited from the balance and asked of the executor as command
/// <see cref="CommandId"/> at <see cref="RequestedAt"/>; <see cref="Status"/> is where it stands (pending, completed, or failed and given back).
/// Key: the wallet.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.WithdrawalAccepted")]
public sealed record WithdrawalAccepted(
    [property: Id(0)] string Wallet,
    [property: Id(1)] string WithdrawalId,
    [property: Id(2)] string Amount,
    [property: Id(3)] string CommandId,
    [property: Id(4)] string Status,
    [property: Id(5)] string? TransactionHash,
    [property: Id(6)] DateTimeOffset RequestedAt) : IEvent;
