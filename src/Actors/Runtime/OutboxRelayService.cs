using Commerce.Actors.Storage;
using Commerce.Messaging.Producing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Commerce.Actors.Runtime;

/// <summary>
/// The loop every outbox relay runs (the grains' and the executor's): lease the oldest committed rows, publish their
/// records with the idempotent producer, delete a row once Kafka acknowledged all of its records. A crash in between
/// publishes a row again with the same event ids, so consumers fed by outboxes dedupe. After a short batch the relay
/// waits for the next commit's signal, or 200 ms.
/// </summary>
public abstract partial class OutboxRelayService(EventProducer producer, ILogger logger, string outbox) : BackgroundService
{
    public const int BatchSize = 64;

    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(200);

    private long _published;

    /// <summary>Records Kafka acknowledged since the start.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Runs once before the loop (e.g. creating the outbox's table).</summary>
    protected virtual Task PrepareAsync(CancellationToken ct) => Task.CompletedTask;

    protected abstract Task<IOutboxLease> LeaseAsync(int maxRows, CancellationToken ct);

    /// <summary>Returns when a commit wrote rows, or after <paramref name="timeout"/>.</summary>
    protected abstract Task WaitForCommitAsync(TimeSpan timeout, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await PrepareAsync(stoppingToken);
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
                LogRelayFailed(outbox, ex);
                taken = 0;
            }
            if (taken >= BatchSize)
                continue;
            try
            {
                await WaitForCommitAsync(IdleWait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Publishes up to <see cref="BatchSize"/> rows; returns how many rows were taken.</summary>
    public async Task<int> RelayOnceAsync(CancellationToken ct)
    {
        await using var lease = await LeaseAsync(BatchSize, ct);
        var (rows, delivered) = await OutboxPublisher.PublishAsync(lease, producer,
            (id, topic, reason) => LogDeliveryFailed(outbox, id, topic, reason), ct);
        Interlocked.Add(ref _published, delivered);
        return rows;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Outbox} outbox relay failed; retrying")]
    private partial void LogRelayFailed(string outbox, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A record of {Outbox} outbox row {Id} to {Topic} was not delivered: {Reason}; the row stays")]
    private partial void LogDeliveryFailed(string outbox, long id, string topic, string reason);
}
