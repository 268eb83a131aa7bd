using Commerce.Actors.Storage;
using Commerce.Execution.Storage;

namespace Commerce.Execution.Executor.Tracking;

/// <summary>
/// The changes of one tracker pass: new command states, new attempts, lifecycle events and metric
/// moves, applied to memory and counted only after the store committed them (<see cref="PassCommitter"/>).
/// </summary>
internal sealed class TrackerPass(DateTimeOffset now, LifecycleEvents events)
{
    private readonly List<Action<ExecutorMetrics>> _counts = [];

    public DateTimeOffset Now { get; } = now;

    /// <summary>Builds the pass's lifecycle events, marked for each command's requester.</summary>
    public LifecycleEvents Events { get; } = events;

    public Dictionary<string, ExecutorCommand> Changed { get; } = [];

    public List<(string CommandId, TransactionAttempt Attempt)> NewAttempts { get; } = [];

    public List<OutboxWrite> Outbox { get; } = [];

    public IReadOnlyList<Action<ExecutorMetrics>> Counts => _counts;

    /// <summary>The command as this pass has changed it so far.</summary>
    public ExecutorCommand Current(ExecutorCommand command) => Changed.GetValueOrDefault(command.CommandId, command);

    public void Change(ExecutorCommand command, TransactionAttempt? newAttempt = null)
    {
        Changed[command.CommandId] = command;
        if (newAttempt is not null)
            NewAttempts.Add((command.CommandId, newAttempt));
    }

    public void Emit(OutboxWrite write) => Outbox.Add(write);

    /// <summary>Metrics move only once the pass is committed.</summary>
    public void Count(Action<ExecutorMetrics> count) => _counts.Add(count);

    public bool IsEmpty => Changed.Count == 0 && Outbox.Count == 0;
}
