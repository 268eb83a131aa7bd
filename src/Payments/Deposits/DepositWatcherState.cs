namespace Commerce.Payments.Deposits;

/// <summary>
/// What the deposit watcher stores, in one row committed with its outbox rows: the cursor (last fully scanned
/// block, number and hash), the block hashes that find a fork point, the deposits awaiting their confirmation
/// and the identities of those recently confirmed (so a re-scan after a reorg does not report them again).
/// </summary>
public sealed record DepositWatcherState(
    ulong? CursorBlock,
    string? CursorHash,
    IReadOnlyList<Watcher.KnownBlock> Blocks,
    IReadOnlyList<TrackedDeposit> Pending,
    IReadOnlyList<ConfirmedDeposit> RecentlyConfirmed)
{
    public static DepositWatcherState Empty { get; } = new(null, null, [], [], []);
}
