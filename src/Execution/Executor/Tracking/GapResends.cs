namespace Commerce.Execution.Executor.Tracking;

/// <summary>
/// Remembers, for the first missing nonce (the node's pending count), the head at which its bytes
/// were re-sent; two blocks later and still missing, the node is dropping them. Pure state.
/// </summary>
internal sealed class GapResends
{
    /// <summary>Blocks mined after a re-send before the node is taken to drop the bytes.</summary>
    public const ulong BlocksToWait = 2;

    private readonly Dictionary<ulong, ulong> _resentAtHead = [];

    /// <summary>Forgets nonces the node has taken since (below <paramref name="pending"/>) or that are no longer missing.</summary>
    public void Forget(ulong pending, IReadOnlyCollection<ulong> missing)
    {
        foreach (var nonce in _resentAtHead.Keys.Where(n => n < pending || !missing.Contains(n)).ToList())
            _resentAtHead.Remove(nonce);
    }

    /// <summary>What to do about a gap whose lowest missing nonce is <paramref name="firstMissing"/>, the node's pending count being <paramref name="pending"/>.</summary>
    public GapAction Decide(ulong firstMissing, ulong pending, ulong head)
    {
        if (firstMissing != pending)
            return GapAction.Resend;
        if (_resentAtHead.TryGetValue(pending, out var resentAt) && head >= resentAt + BlocksToWait)
        {
            _resentAtHead.Remove(pending);
            return GapAction.FillFirstWithNoOp;
        }
        _resentAtHead.TryAdd(pending, head);
        return GapAction.Resend;
    }

    public void Clear() => _resentAtHead.Clear();
}
