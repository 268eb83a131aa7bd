using Orleans;

namespace Commerce.Actors.Ledger;

/// <summary>
/// A fact that moved money or an NFT (decision D9), as a grain records it: what happened
/// (<see cref="Kind"/>, e.g. "payment.purchased", "nft.sold"), to what (<see cref="Subject"/>: an order id,
/// an item id, a wallet), which asset (a currency token or a collection contract, address(0) for ETH) and how much
/// (base units, or the token id for an NFT), between whom, and the on-chain or platform reference it came from.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.state.LedgerEntry")]
public sealed record LedgerEntry(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Subject,
    [property: Id(2)] string? Asset,
    [property: Id(3)] string? Amount,
    [property: Id(4)] string? From,
    [property: Id(5)] string? To,
    [property: Id(6)] string? Reference);
