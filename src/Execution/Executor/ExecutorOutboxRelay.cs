using Commerce.Execution.Storage;
using Commerce.Messaging.Producing;
using Commerce.Actors.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Commerce.Execution.Executor;

/// <summary>
/// Publishes the executor's committed lifecycle events with the idempotent producer, oldest row
/// first, and deletes a row once Kafka acknowledged all of its records (the grain runtime's
/// outbox, over the executor's own table). A crash in between publishes a row again, with the
/// same event ids, so consumers dedupe.
/// </summary>
public sealed partial class ExecutorOutboxRelay(IExecutorStore store, EventProducer producer, ExecutorSignals signals, ILogger<ExecutorOutboxRelay> logger) : BackgroundService
{
    private const int BatchSize = 64;
    private long _published;

    public long Published => Interlocked.Read(ref _published);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await store.InitializeAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            int taken;
            try
            {
                taken = await RelayOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogRelayFailed(ex);
                taken = 0;
            }
            if (taken < BatchSize)
            {
                try
                {
                    await signals.Outbox.WaitAsync(TimeSpan.FromMilliseconds(200), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Publishes up to <see cref="BatchSize"/> rows; returns how many were taken.</summary>
    public async Task<int> RelayOnceAsync(CancellationToken ct)
    {
        await using var lease = await store.LeaseOutboxAsync(BatchSize, ct);
        var (rows, delivered) = await OutboxPublisher.PublishAsync(lease, producer, LogDeliveryFailed, ct);
        Interlocked.Add(ref _published, delivered);
        return rows;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Executor outbox relay failed; retrying")]
    private partial void LogRelayFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A record of executor outbox row {Id} to {Topic} was not delivered: {Reason}; the row stays")]
    private partial void LogDeliveryFailed(long id, string topic, string reason);
}
