namespace Commerce.Payments.Following;

/// <summary>
/// What a follower stores, in one row committed with its outbox rows: the cursor (last fully processed block,
/// number and hash), the block hashes it may need to find a fork point, the observations waiting for their
/// confirmation and the identities of the ones recently confirmed (so a re-scan after a reorg does not report
/// them again). Stored as camelCase JSON: cursorBlock, cursorHash, blocks, pending, recentlyConfirmed.
/// </summary>
public sealed record FollowerState<TTracked>(
    ulong? CursorBlock,
    string? CursorHash,
    IReadOnlyList<KnownBlock> Blocks,
    IReadOnlyList<TTracked> Pending,
    IReadOnlyList<ConfirmedObservation> RecentlyConfirmed)
{
    public static FollowerState<TTracked> Empty { get; } = new(null, null, [], [], []);
}
