using Orleans;

namespace Commerce.Actors.Custody;

/// <summary>
/// One withdrawal of the account (its id is the player's idempotency key): amount (wei), the executor command that pays
/// it, <see cref="WithdrawalStatus"/>, the transaction once known, why it failed, when it was asked and last changed.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.state.CustodyWithdrawal")]
public sealed record CustodyWithdrawal(
    [property: Id(0)] string WithdrawalId,
    [property: Id(1)] string Amount,
    [property: Id(2)] string CommandId,
    [property: Id(3)] string Status,
    [property: Id(4)] string? TransactionHash,
    [property: Id(5)] string? Reason,
    [property: Id(6)] DateTimeOffset RequestedAt,
    [property: Id(7)] DateTimeOffset At);
