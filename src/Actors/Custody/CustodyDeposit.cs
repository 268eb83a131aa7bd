using Orleans;

namespace Commerce.Actors.Custody;

/// <summary>A top-up transaction to the custody address: credited once <see cref="Confirmed"/>.</summary>
[GenerateSerializer, Immutable, Alias("commerce.state.CustodyDeposit")]
public sealed record CustodyDeposit(
    [property: Id(0)] string TransactionHash,
    [property: Id(1)] string Amount,
    [property: Id(2)] long BlockNumber,
    [property: Id(3)] string BlockHash,
    [property: Id(4)] bool Confirmed,
    [property: Id(5)] DateTimeOffset At);
