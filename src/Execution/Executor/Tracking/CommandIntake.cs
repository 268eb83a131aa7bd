using Commerce.Chain.Crypto;
using Commerce.Execution.Storage;

namespace Commerce.Execution.Executor.Tracking;

/// <summary>
/// Picks up newly accepted commands into <see cref="OpenCommands"/>: from this process's acceptor in
/// memory when they follow on from the highest nonce held, otherwise (and on every chain observation,
/// for other instances' commands) from the store, which holds everything.
/// </summary>
internal sealed class CommandIntake(IExecutorStore store, EthAddress sender, AcceptedHandoff? handoff, OpenCommands open)
{
    public IntakeState State { get; private set; } = IntakeState.ReadAll;

    /// <summary>The next intake rereads every open command (so changes made elsewhere, an operator's cancel, are seen).</summary>
    public void ReadAllNext()
    {
        open.Clear();
        State = IntakeState.ReadAll;
    }

    /// <summary>Forgets the held commands and the highest nonce: the next intake starts from the store alone.</summary>
    public void Reset()
    {
        open.Forget();
        State = IntakeState.ReadAll;
    }

    public async Task TakeAsync(bool readStore, CancellationToken ct)
    {
        if (State == IntakeState.FollowOn && handoff?.TakeAfter(open.HighestNonce) is { } handed)
        {
            foreach (var command in handed)
                open.Hold(command);
            // Another instance's commands would have left a gap in this run; with none handed over,
            // a chain observation also reads the store for them.
            if (handed.Count > 0 || !readStore)
                return;
        }
        else if (State == IntakeState.ReadAll)
        {
            handoff?.Clear();
        }
        var after = State == IntakeState.FollowOn ? open.HighestNonce : null;
        var fresh = await store.LoadOpenAsync(sender, after, ct);
        State = IntakeState.FollowOn;
        foreach (var command in fresh)
            open.Hold(command);
    }
}
