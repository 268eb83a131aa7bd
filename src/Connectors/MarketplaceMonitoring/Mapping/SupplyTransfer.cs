namespace Commerce.Connectors.MarketplaceMonitoring.Mapping;

/// <summary>
/// A mint or a burn of a watched collection's token, read from a <c>transfer</c> event (from the zero address: minted;
/// to the zero or the dead address: burned). <see cref="Key"/> names the transfer (transaction, token, parties, quantity)
/// so a re-read of the same event is counted once.
/// </summary>
public sealed record SupplyTransfer(string Key, string TokenId, long Minted, long Burned, long Timestamp);
