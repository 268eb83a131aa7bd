using Commerce.Actors.Storage;
using Commerce.Messaging.Producing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Commerce.Actors.Runtime;

/// <summary>
/// Publishes committed outbox records with the idempotent producer, oldest first, and deletes
/// each one once Kafka acknowledged it. A crash between the two sends a record again; consumers
/// fed by outboxes dedupe on the event id (<see cref="GrainDefinition.DedupeByEventId"/>).
/// </summary>
public sealed partial class OutboxRelay(IGrainStore store, EventProducer producer, OutboxSignal signal, ILogger<OutboxRelay> logger) : BackgroundService
{
    private const int BatchSize = 64;

    public long Published => Interlocked.Read(ref _published);

    private long _published;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int relayed;
            try
            {
                relayed = await RelayOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogRelayFailed(ex);
                relayed = 0;
            }
            if (relayed < BatchSize)
            {
                try
                {
                    await signal.WaitAsync(TimeSpan.FromMilliseconds(200), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Publishes up to <see cref="BatchSize"/> outbox rows; returns how many rows were taken.</summary>
    public async Task<int> RelayOnceAsync(CancellationToken ct)
    {
        await using var lease = await store.LeaseOutboxAsync(BatchSize, ct);
        var (rows, delivered) = await OutboxPublisher.PublishAsync(lease, producer, LogDeliveryFailed, ct);
        Interlocked.Add(ref _published, delivered);
        return rows;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay failed; retrying")]
    private partial void LogRelayFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A record of outbox row {Id} to {Topic} was not delivered: {Reason}; the row stays in the outbox")]
    private partial void LogDeliveryFailed(long id, string topic, string reason);
}
