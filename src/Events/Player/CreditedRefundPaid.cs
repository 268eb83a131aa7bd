using Orleans;

namespace Commerce.Events.Player;

/// <summary>
/// The Checkout paid out a refund it had credited to <see cref="PlayerId"/> (its OwedPaid log: claimed by the player to
/// <see cref="PaidTo"/>, or sent to it by an operator), as the Checkout watcher saw it: <see cref="Confirmed"/> once its
/// block is deep enough, <see cref="Reorged"/> if the block left the chain first. <see cref="Currency"/> is the token's
/// address (the zero address for ETH); <see cref="Amount"/> in its base units. The player's session pushes a confirmed
/// one, once. Key: player id (the credited account, lowercase).
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.CreditedRefundPaid")]
public sealed record CreditedRefundPaid(
    [property: Id(0)] string PlayerId,
    [property: Id(1)] string Currency,
    [property: Id(2)] string PaidTo,
    [property: Id(3)] string Amount,
    [property: Id(4)] string TransactionHash,
    [property: Id(5)] int LogIndex,
    [property: Id(6)] bool Confirmed,
    [property: Id(7)] bool Reorged) : IEvent;
