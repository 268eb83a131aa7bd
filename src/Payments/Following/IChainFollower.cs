namespace Commerce.Payments.Following;

/// <summary>A follower as its hosted loop sees it: one pass at a time, and where the last one left it.</summary>
public interface IChainFollower
{
    /// <summary>Runs one pass; returns true when it stopped short of the head (more blocks to scan right away).</summary>
    Task<bool> PollOnceAsync(CancellationToken ct);

    /// <summary>The head the last pass read.</summary>
    ulong? LastHead { get; }

    /// <summary>The stored cursor (last fully processed block), null before the first commit or load.</summary>
    ulong? CursorBlock { get; }

    /// <summary>Observations waiting for their confirmation.</summary>
    int PendingCount { get; }
}
