namespace Commerce.Execution.Executor;

/// <summary>
/// What the executor's parts tell each other: new commands were accepted (the tracker sends them
/// at once), or transactions were mined (waiting partitions re-check their in-flight room).
/// </summary>
public sealed class ExecutorSignals
{
    public AsyncSignal Accepted { get; } = new();

    public AsyncSignal Progress { get; } = new();

    public AsyncSignal Outbox { get; } = new();
}
