using Commerce.Execution.Storage;

namespace Commerce.Execution.Executor.Tracking;

/// <summary>
/// The sender's commands that are not final yet, as the tracker holds them: by nonce, and by the
/// hash of every attempt (so a transaction seen in a block finds its command). Also remembers the
/// highest nonce ever held, which the acceptor's hand-over must follow on from.
/// </summary>
internal sealed class OpenCommands
{
    private readonly SortedDictionary<ulong, ExecutorCommand> _byNonce = [];
    private readonly Dictionary<string, ulong> _nonceByHash = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The highest nonce held since the last <see cref="Forget"/> (final commands included), or null.</summary>
    public ulong? HighestNonce { get; private set; }

    /// <summary>In nonce order.</summary>
    public IEnumerable<ExecutorCommand> All => _byNonce.Values;

    public int Count => _byNonce.Count;

    /// <summary>Takes a command as it now stands: a final one is dropped, any other (re)indexed under its nonce and attempts.</summary>
    public void Hold(ExecutorCommand command)
    {
        var nonce = command.Nonce!.Value;
        if (command.IsFinal)
        {
            _byNonce.Remove(nonce);
            foreach (var attempt in command.Attempts)
                _nonceByHash.Remove(attempt.Hash);
        }
        else
        {
            _byNonce[nonce] = command;
            foreach (var attempt in command.Attempts)
                _nonceByHash[attempt.Hash] = nonce;
        }
        if (HighestNonce is null || nonce > HighestNonce)
            HighestNonce = nonce;
    }

    public bool TryGet(ulong nonce, out ExecutorCommand command) => _byNonce.TryGetValue(nonce, out command!);

    /// <summary>The open command one of whose attempts has <paramref name="hash"/>.</summary>
    public bool TryGetByHash(string hash, out ExecutorCommand command)
    {
        command = null!;
        return _nonceByHash.TryGetValue(hash, out var nonce) && _byNonce.TryGetValue(nonce, out command!);
    }

    /// <summary>Drops the commands (they are about to be reread) but keeps <see cref="HighestNonce"/>.</summary>
    public void Clear()
    {
        _byNonce.Clear();
        _nonceByHash.Clear();
    }

    /// <summary>Drops everything, the highest nonce too.</summary>
    public void Forget()
    {
        Clear();
        HighestNonce = null;
    }
}
