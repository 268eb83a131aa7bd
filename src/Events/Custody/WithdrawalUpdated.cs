using Orleans;

namespace Commerce.Events.Custody;

/// <summary>
/// The executor's word on a withdrawal's transaction (its ChainTransactionUpdated, routed from
/// commerce.chain-transactions to commerce.custody-events): <see cref="Stage"/> is the executor's stage (submitted,
/// mined, confirmed, failed, ...). Key: the wallet. The account acts only on an update carrying the executor's mark
/// (<see cref="ExecutorMac"/>, checked by <see cref="WithdrawalUpdateMac"/> under Custody:CommandKey).
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.WithdrawalUpdated")]
public sealed record WithdrawalUpdated(
    [property: Id(0)] string Wallet,
    [property: Id(1)] string CommandId,
    [property: Id(2)] string Stage,
    [property: Id(3)] string? TransactionHash,
    [property: Id(4)] string? Detail) : IEvent
{
    /// <summary>The executor's mark of the update it published, carried over by the router (<see cref="Chain.ChainUpdateMac"/>).</summary>
    [Id(5)]
    public string? ExecutorMac { get; init; }
}
