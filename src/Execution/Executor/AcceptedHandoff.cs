using Commerce.Execution.Storage;

namespace Commerce.Execution.Executor;

/// <summary>
/// Commands this process just committed, handed from the acceptor to the tracker in memory so the
/// tracker need not read back from the store what was written a moment ago. Only a shortcut: the
/// acceptor adds a chunk after its commit, in nonce order (it holds the sender's nonce lane); the
/// tracker takes a run only when it follows on from the last nonce it holds, and otherwise (other
/// instances' commands, a reload, an overflow) reads the store, which holds everything.
/// </summary>
public sealed class AcceptedHandoff(int capacity)
{
    private readonly Lock _gate = new();
    private List<ExecutorCommand> _items = [];
    private bool _overflowed;

    /// <summary>Adds committed commands (in nonce order); past the capacity everything is dropped and the tracker reads the store.</summary>
    public void Add(IEnumerable<ExecutorCommand> committed)
    {
        lock (_gate)
        {
            if (_overflowed)
                return;
            _items.AddRange(committed);
            if (_items.Count > capacity)
            {
                _items = [];
                _overflowed = true;
            }
        }
    }

    /// <summary>
    /// The commands after <paramref name="lastNonce"/> when they follow on from it without a gap,
    /// else null (read the store). Everything handed over so far is taken either way.
    /// </summary>
    public IReadOnlyList<ExecutorCommand>? TakeAfter(ulong? lastNonce)
    {
        List<ExecutorCommand> items;
        bool overflowed;
        lock (_gate)
        {
            (items, _items) = (_items, []);
            overflowed = _overflowed;
            _overflowed = false;
        }
        if (overflowed || lastNonce is not { } last)
            return null;
        var fresh = items.Where(c => c.Nonce > last).ToList();
        for (var i = 0; i < fresh.Count; i++)
        {
            if (fresh[i].Nonce != last + 1 + (ulong)i)
                return null;
        }
        return fresh;
    }

    /// <summary>Forgets what was handed over (the tracker is about to read everything from the store).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _items = [];
            _overflowed = false;
        }
    }
}
