namespace Commerce.Execution.Executor.Tracking;

/// <summary>
/// Nonces the chain has used while our command for them is not seen mined. A command fails as
/// "used by another signer" only when it is suspected twice in a row, so a reorg between the
/// nonce read and the receipt read cannot fail it. Pure state.
/// </summary>
internal sealed class NonceSuspects
{
    private readonly HashSet<ulong> _once = [];

    /// <summary>True when <paramref name="nonce"/> was suspected in the previous check too (and it is then forgotten).</summary>
    public bool SuspectAgain(ulong nonce)
    {
        if (_once.Add(nonce))
            return false;
        _once.Remove(nonce);
        return true;
    }

    /// <summary>No nonce is suspect any more (none used without explanation in this check).</summary>
    public void Clear() => _once.Clear();
}
