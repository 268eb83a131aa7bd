using Commerce.Actors.Storage;
using Commerce.Messaging.Producing;
using Microsoft.Extensions.Logging;

namespace Commerce.Actors.Runtime;

/// <summary>Relays the grains' outbox (<see cref="IGrainStore"/>); consumers dedupe on the event id (<see cref="GrainDefinition.DedupeByEventId"/>).</summary>
public sealed class OutboxRelay(IGrainStore store, EventProducer producer, OutboxSignal signal, ILogger<OutboxRelay> logger)
    : OutboxRelayService(producer, logger, "grain")
{
    protected override Task<IOutboxLease> LeaseAsync(int maxRows, CancellationToken ct) => store.LeaseOutboxAsync(maxRows, ct);

    protected override Task WaitForCommitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);
}
