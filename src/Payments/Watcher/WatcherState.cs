namespace Commerce.Payments.Watcher;

/// <summary>
/// What the watcher stores, in one row, committed with its outbox rows: the cursor (last fully
/// processed block, number and hash), the block hashes it may need to find a fork point, the logs
/// waiting for their confirmation and the identities of the ones recently confirmed (so a re-scan
/// after a reorg does not report them again).
/// </summary>
public sealed record WatcherState(
    ulong? CursorBlock,
    string? CursorHash,
    IReadOnlyList<KnownBlock> Blocks,
    IReadOnlyList<TrackedLog> Pending,
    IReadOnlyList<ConfirmedLog> RecentlyConfirmed)
{
    public static WatcherState Empty { get; } = new(null, null, [], [], []);
}
