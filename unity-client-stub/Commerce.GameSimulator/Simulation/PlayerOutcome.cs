using Commerce.GameSimulator.Orders;
using Commerce.GameSimulator.Planning;

namespace Commerce.GameSimulator.Simulation;

/// <summary>
/// How one simulated player did: what it sent and received, its orders, the NFTs it owns, the demo campaign's tokens it
/// was told of and owns on chain, and what went wrong.
/// </summary>
public sealed record PlayerOutcome(
    int Number,
    string? PlayerId,
    PlayerRole Role,
    int InterestsSent,
    int InterestsConfirmed,
    int OffersReceived,
    int PushesReceived,
    IReadOnlyList<OrderOutcome> Orders,
    int OwnedNfts,
    string? Note,
    string? Error,
    int AirdropTokens = 0,
    int AirdropOwned = 0)
{
    /// <summary>No error, and every order it started ended exactly once with its NFT delivered when completed.</summary>
    public bool Succeeded => Error is null && Orders.All(o => o.Valid);
}
