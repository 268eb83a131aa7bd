using Orleans;

namespace Commerce.Events.Custody;

/// <summary>
/// Plain ETH sent by <see cref="Wallet"/> to the custody address (a top-up of its custodial balance), as the
/// deposit watcher saw it: first when its block is seen, again with <see cref="Confirmed"/> once the block is
/// deep enough, or with <see cref="Reorged"/> if the block left the chain before that. Amount in wei (decimal).
/// Key: the wallet (lowercase).
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.DepositObserved")]
public sealed record DepositObserved(
    [property: Id(0)] string Wallet,
    [property: Id(1)] string Custody,
    [property: Id(2)] string Amount,
    [property: Id(3)] string TransactionHash,
    [property: Id(4)] long BlockNumber,
    [property: Id(5)] string BlockHash,
    [property: Id(6)] bool Confirmed,
    [property: Id(7)] bool Reorged) : IEvent
{
    /// <summary>The deposit watcher's HMAC of the observation (<see cref="DepositMac"/>); a deposit without it is never credited.</summary>
    [Id(8)]
    public string? WatcherMac { get; init; }
}
