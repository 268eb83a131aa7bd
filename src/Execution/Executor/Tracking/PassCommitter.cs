using Commerce.Execution.Storage;

namespace Commerce.Execution.Executor.Tracking;

/// <summary>
/// Commits a pass (command states, new attempts and lifecycle events in one store transaction), then,
/// and only then, moves the metrics, updates the held commands and wakes the outbox relay and the
/// partitions waiting for in-flight room.
/// </summary>
internal sealed class PassCommitter(IExecutorStore store, OpenCommands open, ExecutorSignals signals, ExecutorMetrics metrics)
{
    public async Task CommitAsync(TrackerPass pass, CancellationToken ct)
    {
        if (pass.IsEmpty)
            return;
        await store.CommitAsync(new TrackerCommit([.. pass.Changed.Values], pass.NewAttempts, pass.Outbox), ct);
        foreach (var count in pass.Counts)
            count(metrics);
        foreach (var command in pass.Changed.Values)
            open.Hold(command);
        if (pass.Outbox.Count > 0)
            signals.Outbox.Notify();
        if (pass.Changed.Values.Any(c => c.Status is CommandStatus.Mined or CommandStatus.Confirmed or CommandStatus.Failed))
            signals.Progress.Notify();
    }
}
