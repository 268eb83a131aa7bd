using Commerce.Actors.Storage;
using Commerce.Messaging.Producing;
using Confluent.Kafka;
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
    private const int BatchSize = 2000;

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

    /// <summary>Publishes one batch; returns how many records were taken.</summary>
    public async Task<int> RelayOnceAsync(CancellationToken ct)
    {
        await using var lease = await store.LeaseOutboxAsync(BatchSize, ct);
        if (lease.Records.Count == 0)
            return 0;
        var delivered = new List<long>(lease.Records.Count);
        var pending = lease.Records.Count;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var record in lease.Records)
        {
            var id = record.Id;
            producer.Produce(record.Topic, record.Key, record.Value, report =>
            {
                if (report.Error.Code == ErrorCode.NoError)
                {
                    lock (delivered) delivered.Add(id);
                }
                else
                {
                    LogDeliveryFailed(id, report.Topic, report.Error.Reason);
                }
                if (Interlocked.Decrement(ref pending) == 0)
                    done.TrySetResult();
            });
        }
        await done.Task.WaitAsync(ct);
        await lease.CompleteAsync(delivered, ct);
        Interlocked.Add(ref _published, delivered.Count);
        return lease.Records.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay failed; retrying")]
    private partial void LogRelayFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox record {Id} to {Topic} not delivered: {Reason}; it stays in the outbox")]
    private partial void LogDeliveryFailed(long id, string topic, string reason);
}
