namespace Commerce.Execution.Executor.Tracking;

/// <summary>
/// The hashes of the blocks the tracker scanned, up to <see cref="Last"/>, and the reorg rule on
/// them: a block extends the scan only when its parent is the hash scanned below it; when the last
/// scanned block is no longer canonical the scan walks back to the fork, and is rescanned from there.
/// Pure state: the node is asked through the lookup a caller passes in.
/// </summary>
internal sealed class ScannedBlocks(int keep)
{
    private readonly SortedDictionary<ulong, string> _hashes = [];

    /// <summary>The last block scanned; null before the first observation (nothing scanned yet).</summary>
    public ulong? Last { get; private set; }

    /// <summary>A fresh start: scanning begins after <paramref name="head"/> (what was mined before is found by receipts).</summary>
    public void StartAfter(ulong head) => Last = head;

    /// <summary>Records block <paramref name="number"/> as scanned; false (nothing recorded) when its parent is not the block scanned below it.</summary>
    public bool TryAppend(ulong number, string hash, string? parentHash)
    {
        if (_hashes.TryGetValue(number - 1, out var parent) && !SameHash(parent, parentHash))
            return false;
        _hashes[number] = hash;
        Last = number;
        while (_hashes.Count > keep)
            _hashes.Remove(_hashes.Keys.First());
        return true;
    }

    /// <summary>
    /// Walks back while the last scanned block's hash differs from the canonical one at its height
    /// (<paramref name="canonicalHashAt"/>), and returns the blocks dropped, newest first.
    /// </summary>
    public async Task<IReadOnlyList<DroppedBlock>> RewindAsync(Func<ulong, Task<string?>> canonicalHashAt)
    {
        var dropped = new List<DroppedBlock>();
        while (Last is { } last && _hashes.TryGetValue(last, out var known))
        {
            var canonical = await canonicalHashAt(last);
            if (canonical is not null && SameHash(canonical, known))
                break;
            dropped.Add(new DroppedBlock(last, known, canonical));
            _hashes.Remove(last);
            Last = last - 1;
        }
        return dropped;
    }

    /// <summary>Forgets the blocks from <paramref name="height"/> up (a mined transaction's block there left the chain): they are scanned again.</summary>
    public void RescanFrom(ulong height)
    {
        if (Last is not { } last || last < height)
            return;
        Last = height - 1;
        foreach (var number in _hashes.Keys.Where(n => n >= height).ToList())
            _hashes.Remove(number);
    }

    /// <summary>Forgets everything: the next observation is a fresh start.</summary>
    public void Forget()
    {
        _hashes.Clear();
        Last = null;
    }

    private static bool SameHash(string a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
