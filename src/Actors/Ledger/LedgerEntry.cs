namespace Commerce.Actors.Ledger;

/// <summary>
/// A fact that moved money or an NFT (decision D9), as a grain records it: what happened
/// (<see cref="Kind"/>, e.g. "payment.purchased", "nft.sold"), to what (<see cref="Subject"/>: an order id,
/// an item id, a wallet), which asset (a currency token or a collection contract, address(0) for ETH) and how much
/// (base units, or the token id for an NFT), between whom, and the on-chain or platform reference it came from.
/// </summary>
public sealed record LedgerEntry(
    string Kind,
    string Subject,
    string? Asset,
    string? Amount,
    string? From,
    string? To,
    string? Reference);
