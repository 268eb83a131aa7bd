using Commerce.Actors.Runtime;
using Commerce.Actors.Storage;
using Commerce.Execution.Storage;
using Commerce.Messaging.Producing;
using Microsoft.Extensions.Logging;

namespace Commerce.Execution.Executor;

/// <summary>Relays the executor's committed lifecycle events from its own outbox table (<see cref="IExecutorStore"/>).</summary>
public sealed class ExecutorOutboxRelay(IExecutorStore store, EventProducer producer, ExecutorSignals signals, ILogger<ExecutorOutboxRelay> logger)
    : OutboxRelayService(producer, logger, "executor")
{
    protected override Task PrepareAsync(CancellationToken ct) => store.InitializeAsync(ct);

    protected override Task<IOutboxLease> LeaseAsync(int maxRows, CancellationToken ct) => store.LeaseOutboxAsync(maxRows, ct);

    protected override Task WaitForCommitAsync(TimeSpan timeout, CancellationToken ct) => signals.Outbox.WaitAsync(timeout, ct);
}
